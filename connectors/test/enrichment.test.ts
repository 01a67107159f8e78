import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from '@nats-io/nats-core';
import type { Redis } from 'ioredis';
import { EnrichmentResult, compile } from '@tareks/schemas';
import { registryEnrichmentSteps, startConnectorServices, startRegistrySimulators, type ConnectorServices, type RegistrySimulators } from '../src/index.js';
import { connectNats, connectRedis, deleteCacheKeys, logger, testNs } from './helpers.js';
import { declarationFor } from './declarations.js';
import { population } from './samples.js';

const validResult = compile<EnrichmentResult>(EnrichmentResult);
const fast = { timeoutMs: 3_000, retries: 1, retryInitialDelayMs: 10, retryMaxDelayMs: 50, breakerThreshold: 100 };

let nc: NatsConnection;
let redis: Redis;
let sims: RegistrySimulators;
let services: ConnectorServices;
const ns = testNs();

beforeAll(async () => {
  nc = await connectNats();
  redis = connectRedis();
  sims = await startRegistrySimulators({ population, env: {} });
  services = await startConnectorServices({
    nc, redis, ns, logger, env: {},
    config: { kps: { ...fast, url: sims.urls.kps }, mersis: { ...fast, url: sims.urls.mersis }, esbis: { ...fast, url: sims.urls.esbis } },
  });
});
afterAll(async () => {
  await services.stop();
  await sims.close();
  await deleteCacheKeys(redis, ns);
  redis.disconnect();
  await nc.drain();
});

const run = (d: ReturnType<typeof declarationFor>) => {
  const steps = registryEnrichmentSteps({ nc, ns, timeoutMs: 10_000 });
  return Promise.all(steps.map((s) => s.run(d, new AbortController().signal)));
};
const person = (tckn: string) => population.persons.find((p) => p.tckn === tckn)!;

describe('registry enrichment over NATS (real services, simulators over HTTP)', () => {
  it('a clean firm declaration: identity verified, firm active, representative authorised', async () => {
    const c = population.companies.find((x) => x.status === 'ACTIVE' && x.representatives[0]!.validUntil > '2027')!;
    const results = await run(declarationFor({ taxId: c.vkn }, person(c.representatives[0]!.tckn)));
    for (const r of results) expect(validResult(r).ok).toBe(true);
    expect(results.map((r) => [r.step, r.status, r.flags])).toEqual([
      ['kps', 'OK', []],
      ['mersis', 'OK', []],
      ['esbis', 'SKIPPED', []],
    ]);
    expect(results[1]!.data).toMatchObject({ title: c.title, companyStatus: 'ACTIVE' });
  });

  it('flags a closed firm, a stranger acting for it and a wrong identity', async () => {
    const c = population.companies.find((x) => x.status === 'CLOSED')!;
    const stranger = population.persons.find((p) => !c.representatives.some((r) => r.tckn === p.tckn))!;
    const results = await run(declarationFor({ taxId: c.vkn }, { ...stranger, birthYear: stranger.birthYear + 1 }));
    expect(results.map((r) => r.flags)).toEqual([['IDENTITY_MISMATCH'], ['TRADER_CLOSED', 'REPRESENTATIVE_NOT_AUTHORISED'], []]);
  });

  it('asks the authorization store only for a representative the registry does not list', async () => {
    const c = population.companies.find((x) => x.status === 'ACTIVE')!;
    const broker = population.persons.find((p) => !c.representatives.some((r) => r.tckn === p.tckn))!;
    const asked: string[] = [];
    const steps = registryEnrichmentSteps({ nc, ns, holdsAuthorization: async (d) => (asked.push(d.representative.tckn), true) });
    const results = await Promise.all(steps.map((s) => s.run(declarationFor({ taxId: c.vkn }, broker), new AbortController().signal)));
    expect(results[1]).toMatchObject({ status: 'OK', flags: [], data: { representativeAuthority: 'AUTHORIZATION' } });
    expect(asked).toEqual([broker.tckn]);
  });

  it('a sole proprietor goes to ESBİS; one without a record is flagged', async () => {
    const t = population.tradesmen.find((x) => x.status === 'ACTIVE')!;
    const ok = await run(declarationFor({ taxId: t.tckn }, person(t.tckn)));
    expect(ok.map((r) => [r.step, r.status, r.flags])).toEqual([['kps', 'OK', []], ['mersis', 'SKIPPED', []], ['esbis', 'OK', []]]);
    const nobody = population.persons.find((p) => !population.tradesmen.some((x) => x.tckn === p.tckn))!;
    const missing = await run(declarationFor({ taxId: nobody.tckn }, nobody));
    expect(missing[2]).toMatchObject({ status: 'NOT_FOUND', flags: ['TRADESMAN_NOT_FOUND'] });
  });

  it('throws a typed retryable error while a registry is down, and answers again once it is back', async () => {
    const c = population.companies.find((x) => x.status === 'ACTIVE')!;
    const d = declarationFor({ taxId: c.vkn }, person(c.representatives[0]!.tckn), '2026-04-01T00:00:00Z');
    sims.kps.faults.set({ outage: true });
    try {
      const [kps] = registryEnrichmentSteps({ nc, ns, timeoutMs: 10_000 });
      // A different name misses the cache, so the lookup reaches the (down) registry.
      await expect(kps!.run({ ...d, representative: { ...d.representative, firstName: 'Zz' } }, new AbortController().signal)).rejects.toMatchObject({
        code: 'CONN_ERR_REGISTRY_UNAVAILABLE',
        retryable: true,
      });
    } finally {
      sims.kps.faults.reset();
    }
    const [kps] = registryEnrichmentSteps({ nc, ns, timeoutMs: 10_000 });
    expect((await kps!.run(d, new AbortController().signal)).status).toBe('OK');
  });

  it('reuses an answer within the local cache lifetime without asking the service again, and asks every time with 0', async () => {
    const c = population.companies.find((x) => x.status === 'ACTIVE')!;
    const d = declarationFor({ taxId: c.vkn, mersisNo: c.mersisNo }, person(c.representatives[0]!.tckn));
    const requests = () => services.stats().reduce((n, s) => n + s.requests, 0);
    const hits: string[] = [];
    const cached = registryEnrichmentSteps({ nc, ns, onLocalHit: (registry) => hits.push(registry) });
    const runWith = (steps: typeof cached) => Promise.all(steps.map((s) => s.run(d, new AbortController().signal)));

    const before = requests();
    const first = await runWith(cached);
    const asked = requests() - before;
    expect(asked).toBeGreaterThan(0);
    const again = await runWith(cached);
    expect(requests() - before).toBe(asked);
    expect(hits.sort()).toEqual(['kps', 'mersis']);
    expect(again.map((r) => [r.step, r.status, r.flags, r.data])).toEqual(first.map((r) => [r.step, r.status, r.flags, r.data]));

    const uncached = registryEnrichmentSteps({ nc, ns, localCacheTtlMs: 0 });
    await runWith(uncached);
    await runWith(uncached);
    expect(requests() - before).toBe(3 * asked);
    expect(hits).toHaveLength(2);
  });

  it('gives up with a typed retryable error when the orchestrator aborts a slow lookup', async () => {
    const c = population.companies.find((x) => x.status === 'ACTIVE')!;
    sims.mersis.faults.set({ latencyMs: 2_000 });
    try {
      const [, mersis] = registryEnrichmentSteps({ nc, ns, timeoutMs: 10_000 });
      const controller = new AbortController();
      const run = mersis!.run(declarationFor({ taxId: c.vkn, mersisNo: c.mersisNo }, population.persons[0]!), controller.signal);
      controller.abort(new Error('orchestrator deadline'));
      await expect(run).rejects.toMatchObject({ code: 'CONN_ERR_REGISTRY_UNAVAILABLE', retryable: true });
    } finally {
      sims.mersis.faults.reset();
    }
  });

  it('throws a typed retryable error when no service instance is running', async () => {
    const [kps] = registryEnrichmentSteps({ nc, ns: testNs(), timeoutMs: 500 });
    const c = population.companies[0]!;
    await expect(kps!.run(declarationFor({ taxId: c.vkn }, population.persons[0]!), new AbortController().signal)).rejects.toMatchObject({
      code: 'CONN_ERR_REGISTRY_UNAVAILABLE',
      retryable: true,
    });
  });
});
