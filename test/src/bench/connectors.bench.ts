import { performance } from 'node:perf_hooks';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import {
  CONNECTORS, registryEnrichmentSteps, requestRegistry, seedPopulation, startConnectorServices, startRegistrySimulators,
} from '@tareks/connectors';
import type { Declaration, Person, RegistryName, RegistryPopulation } from '@tareks/schemas';
import { NATS_URL, REDIS_URL, testNamespace } from '../support/test-env.js';
import type { BenchRow } from './bench-row.js';
import { quantile, round } from './stats.js';

/** Requests in flight at once: about what one orchestrator with maxAckPending 64 would have outstanding. */
const CONCURRENCY = 64;
const HIT_LOOKUPS = Number(process.env.BENCH_CONNECTOR_HITS ?? 5_000);
const DECLARATIONS = Number(process.env.BENCH_CONNECTOR_DECLARATIONS ?? 500);

async function dropCache(redis: Redis, ns: string): Promise<void> {
  const keys = await redis.keys(`${ns}:conn:*`);
  if (keys.length) await redis.del(...keys);
}

async function pool<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, lane));
  return performance.now() - started;
}

const requestsOf = (p: RegistryPopulation): Record<RegistryName, unknown[]> => ({
  kps: p.persons.map((x) => ({ tckn: x.tckn, firstName: x.firstName, lastName: x.lastName, birthYear: x.birthYear })),
  mersis: p.companies.map((c) => ({ vkn: c.vkn })),
  esbis: p.tradesmen.map((t) => ({ tckn: t.tckn })),
});

function declarationOf(p: RegistryPopulation, i: number): Declaration {
  const c = p.companies[i % p.companies.length]!;
  const rep: Person = p.persons.find((x) => x.tckn === c.representatives[0]!.tckn)!;
  return {
    id: `26341300IM${String(i).padStart(6, '0')}`, version: 1, kind: 'IMPORT', domain: 'PRODUCT_SAFETY', customsOffice: '341300',
    submittedAt: new Date().toISOString(), trader: { taxId: c.vkn, name: c.title },
    representative: { tckn: rep.tckn, firstName: rep.firstName, lastName: rep.lastName, birthYear: rep.birthYear },
    items: [{ itemNo: 1, gtip: '950300700000', description: 'Oyuncak', originCountry: 'CN', quantity: 1, unit: 'ADET', netMassKg: 1, value: { amount: 1, currency: 'USD' } }],
    documents: [],
  };
}

/**
 * Registry lookups per second through NATS (one service instance per registry, simulators over HTTP on this machine),
 * with the Redis cache cold (every lookup reaches the simulator) and warm, against the production client called
 * directly; and the enrichment time per declaration (three steps in parallel).
 */
export async function benchConnectors(): Promise<BenchRow[]> {
  const population = seedPopulation({ seed: 1, companies: 800, tradesmen: 400 });
  const requests = requestsOf(population);
  const ns = testNamespace();
  const logger = pino({ level: 'warn' });
  const nc: NatsConnection = await connect({ servers: NATS_URL });
  const redis = new Redis(REDIS_URL);
  const sims = await startRegistrySimulators({ population, env: {} });
  const urls = sims.urls;
  const services = await startConnectorServices({ nc, redis, ns, logger, env: {}, config: { kps: { url: urls.kps }, mersis: { url: urls.mersis }, esbis: { url: urls.esbis } } });
  const rows: BenchRow[] = [];
  try {
    for (const registry of ['kps', 'mersis', 'esbis'] as const) {
      const items = requests[registry];
      const def = CONNECTORS[registry];
      const client = await def.openClient({ ...def.readConfig({}), url: urls[registry] } as never);
      const directMs = await pool(items, (r) => (client as { call(r: unknown, s: AbortSignal): Promise<unknown> }).call(r, new AbortController().signal));
      const missMs = await pool(items, (r) => requestRegistry(nc, ns, registry, r, 30_000));
      const hits = Array.from({ length: HIT_LOOKUPS }, (_, i) => items[i % items.length]);
      const hitMs = await pool(hits, (r) => requestRegistry(nc, ns, registry, r, 30_000));
      const direct = round(items.length / (directMs / 1000), 0);
      const miss = round(items.length / (missMs / 1000), 0);
      rows.push(
        { group: 'connectors', name: `${registry} lookups/s via NATS, cache miss`, value: miss, unit: 'lookups/s', baseline: { name: 'production client called directly', value: direct }, notes: `${items.length} distinct lookups, ${CONCURRENCY} in flight` },
        { group: 'connectors', name: `${registry} lookups/s via NATS, cache hit`, value: round(hits.length / (hitMs / 1000), 0), unit: 'lookups/s', baseline: { name: 'cache miss', value: miss }, notes: `${hits.length} lookups, ${CONCURRENCY} in flight` },
      );
    }
    // Enrichment: one declaration at a time, so the figure is the latency the three parallel lookups add to one.
    await dropCache(redis, ns);
    const declarations = Array.from({ length: DECLARATIONS }, (_, i) => declarationOf(population, i));
    const enrichAll = async (steps: ReturnType<typeof registryEnrichmentSteps>): Promise<number[]> => {
      const ms: number[] = [];
      for (const d of declarations) {
        const t = performance.now();
        await Promise.all(steps.map((s) => s.run(d, new AbortController().signal)));
        ms.push(performance.now() - t);
      }
      return ms;
    };
    const asking = registryEnrichmentSteps({ nc, ns, timeoutMs: 30_000, localCacheTtlMs: 0 });
    const cold = await enrichAll(asking);
    const warm = await enrichAll(asking);
    const reusing = registryEnrichmentSteps({ nc, ns, timeoutMs: 30_000 });
    await enrichAll(reusing);
    const reused = await enrichAll(reusing);
    const p50 = (ms: number[]) => round(quantile(ms, 0.5), 2);
    rows.push(
      { group: 'connectors', name: 'enrichment per declaration, cache cold (KPS + MERSİS in parallel)', value: p50(cold), unit: 'ms p50', notes: `p99 ${round(quantile(cold, 0.99), 2)} ms, ${DECLARATIONS} declarations one at a time` },
      { group: 'connectors', name: 'enrichment per declaration, services\' Redis cache warm', value: p50(warm), unit: 'ms p50', baseline: { name: 'cache cold', value: p50(cold) }, notes: `p99 ${round(quantile(warm, 0.99), 2)} ms` },
      { group: 'connectors', name: 'enrichment per declaration, answers reused in the orchestrator', value: p50(reused), unit: 'ms p50', baseline: { name: 'Redis cache warm', value: p50(warm) }, notes: `p99 ${round(quantile(reused, 0.99), 2)} ms (REGISTRY_LOCAL_CACHE_TTL_MS)` },
    );
  } finally {
    await services.stop();
    await sims.close();
    await dropCache(redis, ns);
    redis.disconnect();
    await nc.drain();
  }
  return rows;
}
