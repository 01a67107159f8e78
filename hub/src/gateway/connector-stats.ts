import type { NatsConnection } from '@nats-io/nats-core';
import { Svcm } from '@nats-io/services';
import { REGISTRIES, type CircuitState, type ConnectorStats } from '@tareks/schemas';

/** How long to collect answers from the service instances, ms; the services API answers within milliseconds. */
const STATS_WAIT_MS = 300;
const SEVERITY: Record<CircuitState, number> = { closed: 0, 'half-open': 1, open: 2, isolated: 3 };

/**
 * Connector stats of every instance in the cluster, read through the NATS services API (`$SRV.STATS`) and summed per
 * registry; the circuit shown is the worst instance's.
 */
export async function connectorStats(nc: NatsConnection, ns: string): Promise<ConnectorStats[]> {
  const client = new Svcm(nc as unknown as ConstructorParameters<typeof Svcm>[0]).client({ strategy: 'timer', maxWait: STATS_WAIT_MS });
  const sums = await Promise.all(
    REGISTRIES.map(async (registry) => {
      let sum = null as ConnectorStats | null;
      for await (const instance of await client.stats(`${ns}-${registry}`)) {
        for (const endpoint of instance.endpoints ?? []) {
          const s = endpoint.data as unknown as ConnectorStats | undefined;
          if (!s) continue;
          sum = sum
            ? {
                ...sum,
                requests: sum.requests + s.requests,
                errors: sum.errors + s.errors,
                cacheHits: sum.cacheHits + s.cacheHits,
                cacheMisses: sum.cacheMisses + s.cacheMisses,
                upstreamCalls: sum.upstreamCalls + s.upstreamCalls,
                processingMsTotal: sum.processingMsTotal + s.processingMsTotal,
                averageProcessingMs: 0,
                circuit: SEVERITY[s.circuit] > SEVERITY[sum.circuit] ? s.circuit : sum.circuit,
              }
            : { ...s };
        }
      }
      return sum ? { ...sum, averageProcessingMs: sum.requests ? sum.processingMsTotal / sum.requests : 0 } : null;
    }),
  );
  // The registries are asked at once: each answer waits the full collection window.
  return sums.filter((s): s is ConnectorStats => s !== null);
}
