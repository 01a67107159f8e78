import type { RegistryName, RegistryPopulation } from '@tareks/schemas';
import type { Logger } from 'pino';
import type { ConfigSpec } from './config-spec.js';
import type { ResilienceConfig, SimulatorConfig } from './resilience.config.js';
import type { FaultKnobs } from '../simulator/fault-knobs.js';
import type { SimulatorHandle } from '../simulator/sim-server.js';

/** What every connector's config holds: its upstream URL, the shared resilience settings and its simulator's knobs. */
export type ConnectorConfig = ResilienceConfig & SimulatorConfig & { url: string };

/** The production client of one registry: one idempotent lookup, honouring the abort signal. */
export interface RegistryClient<Req, Res> {
  call(request: Req, signal: AbortSignal): Promise<Res>;
}

export interface SimulatorOptions {
  readonly population: RegistryPopulation;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** 0 takes a free port. */
  readonly port?: number;
  readonly faults?: Partial<FaultKnobs>;
  readonly logger?: Logger;
}

/** One registry connector, as listed in `connectors.ts`: the shared service and tests work from this alone. */
export interface ConnectorDefinition<Req, Res, Cfg extends ConnectorConfig = ConnectorConfig> {
  readonly registry: RegistryName;
  readonly operation: string;
  /** Error code prefix, e.g. KPS → KPS_ERR_TIMEOUT. */
  readonly errorPrefix: string;
  readonly spec: ConfigSpec;
  /** JSON schema of the service request (validated before any lookup). */
  readonly requestSchema: object;
  readConfig(env?: NodeJS.ProcessEnv): Cfg;
  openClient(config: Cfg): Promise<RegistryClient<Req, Res>>;
  /** Cache key of a request; personal data is hashed by the caller. */
  cacheKey(request: Req): string;
  /** A positive answer (found / verified) is cached longer than a negative one. */
  isPositive(result: Res): boolean;
  startSimulator(opts: SimulatorOptions): Promise<SimulatorHandle>;
}
