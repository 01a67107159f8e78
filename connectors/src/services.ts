import type { NatsConnection } from '@nats-io/nats-core';
import type { ConnectorStats, RegistryName } from '@tareks/schemas';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { CONNECTORS} from './connectors.js';
import { connectorList } from './connectors.js';
import type { ConnectorConfig } from './shared/connector.js';
import { RegistryCache } from './shared/registry-cache.js';
import { startRegistryService, type RegistryService } from './shared/registry-service.js';

/** Config overrides per registry; whatever is left out is read from the environment (see each connector's README). */
export type ConnectorConfigOverrides = { [R in RegistryName]?: Partial<ReturnType<(typeof CONNECTORS)[R]['readConfig']>> };

export interface ConnectorServicesOptions {
  readonly nc: NatsConnection;
  /** Holds the lookup cache only (keys `<ns>:conn:<registry>:…`). */
  readonly redis: Redis;
  /** Namespace of subjects and cache keys (see `names(ns)`). */
  readonly ns: string;
  readonly config?: ConnectorConfigOverrides;
  readonly logger: Logger;
  /** Environment the config is read from. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

export interface ConnectorServices {
  readonly services: readonly RegistryService[];
  /** Counters of this process's instances, for `metrics.v1`. */
  stats(): ConnectorStats[];
  stop(): Promise<void>;
}

/** Starts the three registry services of this process (call again in other processes to add instances). */
export async function startConnectorServices(opts: ConnectorServicesOptions): Promise<ConnectorServices> {
  const cache = new RegistryCache(opts.redis, opts.ns, opts.logger);
  const services: RegistryService[] = [];
  try {
    for (const def of connectorList()) {
      const config: ConnectorConfig = { ...def.readConfig(opts.env), ...(opts.config?.[def.registry] ?? {}) };
      services.push(await startRegistryService(def, config, { nc: opts.nc, ns: opts.ns, cache, logger: opts.logger }));
    }
  } catch (err) {
    await Promise.allSettled(services.map((s) => s.stop()));
    throw err;
  }
  opts.logger.info({ ns: opts.ns, registries: services.map((s) => s.registry) }, 'connector services started');
  return {
    services,
    stats: () => services.map((s) => s.stats()),
    async stop() {
      await Promise.allSettled(services.map((s) => s.stop()));
    },
  };
}
