import { performance } from 'node:perf_hooks';
import type { NatsConnection } from '@nats-io/nats-core';
import { Svcm, type Service, type ServiceMsg } from '@nats-io/services';
import { compile, names, type CircuitEvent, type CircuitState, type ConnectorStats, type RegistryErrorReply, type RegistryReply } from '@tareks/schemas';
import type { Logger } from 'pino';
import type { ConnectorConfig, ConnectorDefinition } from './connector.js';
import { ConnectorError, connError, isConnectorError } from './connector.errors.js';
import type { RegistryCache } from './registry-cache.js';
import { createResilience } from './resilience.js';

/** Every instance of a registry service joins this queue group, so instances share the load. */
export const SERVICE_QUEUE = 'connectors';
export const SERVICE_VERSION = '1.0.0';

export interface RegistryServiceDeps {
  readonly nc: NatsConnection;
  readonly ns: string;
  readonly cache: RegistryCache;
  readonly logger: Logger;
}

export interface RegistryService {
  readonly registry: string;
  readonly service: Service;
  stats(): ConnectorStats;
  stop(): Promise<void>;
}

/**
 * Runs one connector as a NATS service (`<ns>.svc.<registry>.<operation>`): validate → Redis cache → shared
 * resilience (bulkhead, retry, breaker, timeout) → the connector's client. Errors answer with the services error
 * headers and a `RegistryErrorReply` body; breaker state changes go out on `<ns>.circuit.<registry>`.
 */
export async function startRegistryService<Req, Res, Cfg extends ConnectorConfig>(
  def: ConnectorDefinition<Req, Res, Cfg>,
  config: Cfg,
  deps: RegistryServiceDeps,
): Promise<RegistryService> {
  const n = names(deps.ns);
  const log = deps.logger.child({ registry: def.registry });
  const validate = compile<Req>(def.requestSchema);
  const client = await def.openClient(config);
  const counters = { requests: 0, errors: 0, cacheHits: 0, cacheMisses: 0, upstreamCalls: 0, processingMsTotal: 0 };
  let instanceId = '';

  const publishCircuit = (state: CircuitState): void => {
    const event: CircuitEvent = { upstream: def.registry, state, instanceId, at: new Date().toISOString() };
    log.warn({ circuit: state }, 'circuit state changed');
    deps.nc.publish(n.subjects.circuit(def.registry), JSON.stringify(event));
  };
  const resilience = createResilience(def.registry, def.errorPrefix, config, publishCircuit);

  const stats = (): ConnectorStats => ({
    registry: def.registry,
    operation: def.operation,
    ...counters,
    averageProcessingMs: counters.requests === 0 ? 0 : counters.processingMsTotal / counters.requests,
    circuit: resilience.state,
  });

  // @nats-io/services pins its own nats-core build; the connection is the same object at run time.
  const service = await new Svcm(deps.nc as unknown as ConstructorParameters<typeof Svcm>[0]).add({
    name: `${deps.ns}-${def.registry}`,
    version: SERVICE_VERSION,
    description: `${def.registry} registry lookups`,
    queue: SERVICE_QUEUE,
    metadata: { registry: def.registry },
    statsHandler: async () => stats(),
  });
  instanceId = service.info().id;

  const lookup = async (req: Req): Promise<RegistryReply<Res>> => {
    const started = performance.now();
    const key = deps.cache.key(def.registry, def.cacheKey(req));
    const hit = await deps.cache.get<Res>(key);
    if (hit !== undefined) {
      counters.cacheHits++;
      return { result: hit, cached: true, tookMs: performance.now() - started };
    }
    counters.cacheMisses++;
    // A signal per call: cockatiel would otherwise hang every call's listener on one shared never-aborted signal.
    const result = await resilience.execute((signal) => {
      counters.upstreamCalls++;
      return client.call(req, signal);
    }, new AbortController().signal);
    await deps.cache.set(key, result, def.isPositive(result) ? config.cacheTtlSec : config.cacheNegativeTtlSec);
    return { result, cached: false, tookMs: performance.now() - started };
  };

  const handle = async (msg: ServiceMsg): Promise<void> => {
    const started = performance.now();
    counters.requests++;
    try {
      let body: unknown;
      try {
        body = msg.json();
      } catch (cause) {
        throw connError('BAD_REQUEST', 'request is not JSON', cause);
      }
      const v = validate(body);
      if (!v.ok) throw connError('BAD_REQUEST', v.errors.map((e) => `${e.pointer}: ${e.code}`).join('; '));
      msg.respond(JSON.stringify(await lookup(v.value)));
    } catch (err) {
      counters.errors++;
      const e = isConnectorError(err) ? err : new ConnectorError('CONN', 'INTERNAL', 'unexpected failure', { cause: err });
      if (e.kind === 'INTERNAL') log.error({ err }, 'registry lookup failed');
      else log.debug({ code: e.code }, 'registry lookup failed');
      const reply: RegistryErrorReply = { error: { code: e.code, message: e.message, retryable: e.retryable } };
      msg.respondError(e.status, e.code, JSON.stringify(reply));
    } finally {
      counters.processingMsTotal += performance.now() - started;
    }
  };

  service.addEndpoint(def.operation, {
    subject: n.subjects.service(def.registry, def.operation),
    handler: (err, msg) => {
      if (err) return;
      void handle(msg);
    },
  });

  return {
    registry: def.registry,
    service,
    stats,
    async stop() {
      resilience.dispose();
      await service.stop();
    },
  };
}
