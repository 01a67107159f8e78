import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NatsConnection } from '@nats-io/nats-core';
import { ServiceErrorCodeHeader, Svcm } from '@nats-io/services';
import { Redis } from 'ioredis';
import { names, REGISTRY_OPERATIONS, type CircuitEvent, type RegistryErrorReply, type RegistryReply } from '@tareks/schemas';
import { connectorList, type AnyConnector } from '../src/connectors.js';
import type { ConnectorConfig } from '../src/shared/connector.js';
import { RegistryCache } from '../src/shared/registry-cache.js';
import { startRegistryService, type RegistryService } from '../src/shared/registry-service.js';
import type { SimulatorHandle } from '../src/simulator/sim-server.js';
import { connectNats, connectRedis, deleteCacheKeys, eventually, logger, testNs } from './helpers.js';
import { population, SAMPLES } from './samples.js';

type Answer = { reply: RegistryReply<unknown>; error?: undefined; status?: undefined } | { error: RegistryErrorReply['error']; status: string; reply?: undefined };

/** One request to a registry service, the answer or the coded error as the services API carries it. */
async function ask(nc: NatsConnection, ns: string, def: AnyConnector, payload: unknown): Promise<Answer> {
  const msg = await nc.request(names(ns).subjects.service(def.registry, REGISTRY_OPERATIONS[def.registry]), JSON.stringify(payload), { timeout: 20_000 });
  const status = msg.headers?.get(ServiceErrorCodeHeader);
  if (status) return { error: msg.json<RegistryErrorReply>().error, status };
  return { reply: msg.json<RegistryReply<unknown>>() };
}

let nc: NatsConnection;
let redis: Redis;
beforeAll(async () => {
  nc = await connectNats();
  redis = connectRedis();
});
afterAll(async () => {
  await nc.drain();
  redis.disconnect();
});

describe.each(connectorList().map((def) => [def.registry, def] as const))('connector conformance: %s', (_name, def) => {
  let sim: SimulatorHandle;
  let ns: string;
  let running: RegistryService[] = [];

  const start = async (overrides: Partial<ConnectorConfig> = {}, instances = 1): Promise<RegistryService[]> => {
    const config: ConnectorConfig = {
      ...def.readConfig({}),
      url: sim.url,
      timeoutMs: 5_000,
      retries: 1,
      retryInitialDelayMs: 10,
      retryMaxDelayMs: 50,
      breakerThreshold: 50,
      breakerHalfOpenMs: 300,
      ...overrides,
    };
    const cache = new RegistryCache(redis, ns, logger);
    for (let i = 0; i < instances; i++) running.push(await startRegistryService(def, config, { nc, ns, cache, logger }));
    return running;
  };

  beforeAll(async () => {
    sim = await def.startSimulator({ population });
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    ns = testNs();
  });
  afterEach(async () => {
    await Promise.all(running.map((s) => s.stop()));
    running = [];
    sim.faults.reset();
    await deleteCacheKeys(redis, ns);
  });

  it('answers a lookup, then serves the same lookup from the cache (positive and negative)', async () => {
    const [svc] = await start();
    for (const payload of [SAMPLES[def.registry].positive, SAMPLES[def.registry].negative]) {
      const first = await ask(nc, ns, def, payload);
      expect(first.error).toBeUndefined();
      expect(first.reply?.cached).toBe(false);
      const second = await ask(nc, ns, def, payload);
      expect(second.reply?.cached).toBe(true);
      expect(second.reply?.result).toEqual(first.reply?.result);
    }
    const positive = (await ask(nc, ns, def, SAMPLES[def.registry].positive)).reply!.result;
    const negative = (await ask(nc, ns, def, SAMPLES[def.registry].negative)).reply!.result;
    expect(def.isPositive(positive)).toBe(true);
    expect(def.isPositive(negative)).toBe(false);
    expect(svc!.stats()).toMatchObject({ requests: 6, errors: 0, cacheHits: 4, cacheMisses: 2, upstreamCalls: 2, circuit: 'closed' });
    const ttls = await Promise.all((await redis.keys(`${ns}:conn:${def.registry}:*`)).map((k) => redis.ttl(k)));
    expect(ttls.sort((a, b) => a - b)).toEqual([expect.any(Number), expect.any(Number)]);
    expect(Math.max(...ttls)).toBeGreaterThan(Math.min(...ttls));
  });

  it('keeps answering when Redis is unreachable (the cache is bypassed, nothing fails)', async () => {
    const deadRedis = new Redis({ port: 1, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    deadRedis.on('error', () => undefined); // the refused connection is the point of this test
    try {
      const config: ConnectorConfig = { ...def.readConfig({}), url: sim.url, retries: 0 };
      running.push(await startRegistryService(def, config, { nc, ns, cache: new RegistryCache(deadRedis, ns, logger), logger }));
      const a = await ask(nc, ns, def, SAMPLES[def.registry].positive);
      const b = await ask(nc, ns, def, SAMPLES[def.registry].positive);
      expect([a.reply?.cached, b.reply?.cached]).toEqual([false, false]);
    } finally {
      deadRedis.disconnect();
    }
  });

  it('refuses a request that is not the contract with a non-retryable coded error', async () => {
    await start();
    const a = await ask(nc, ns, def, { nonsense: true });
    expect(a.error).toMatchObject({ code: 'CONN_ERR_BAD_REQUEST', retryable: false });
    expect(a.status).toBe('400');
  });

  it('turns an upstream that does not answer in time into a typed timeout', async () => {
    await start({ timeoutMs: 200, retries: 0 });
    sim.faults.set({ latencyMs: 2_000 });
    const a = await ask(nc, ns, def, SAMPLES[def.registry].positive);
    expect(a.error).toMatchObject({ code: `${def.errorPrefix}_ERR_TIMEOUT`, retryable: true });
  });

  it('turns a malformed reply into a typed error', async () => {
    await start({ retries: 0 });
    sim.faults.set({ malformedRate: 1 });
    const a = await ask(nc, ns, def, SAMPLES[def.registry].positive);
    expect(a.error).toMatchObject({ code: `${def.errorPrefix}_ERR_MALFORMED_REPLY`, retryable: true });
  });

  it('turns a SOAP Fault / server error into a typed error, and retries it', async () => {
    const [svc] = await start({ retries: 2 });
    sim.faults.set({ errorRate: 1 });
    const a = await ask(nc, ns, def, SAMPLES[def.registry].positive);
    expect(a.error).toMatchObject({ code: `${def.errorPrefix}_ERR_SERVER_FAULT`, retryable: true });
    expect(svc!.stats().upstreamCalls).toBe(3);
  });

  it('opens the circuit on an outage, publishes it, goes half-open and recovers', async () => {
    await start({ retries: 0, breakerThreshold: 2, breakerHalfOpenMs: 500 });
    const events: CircuitEvent['state'][] = [];
    const sub = nc.subscribe(names(ns).subjects.circuit(def.registry), { callback: (_e, m) => void events.push(m.json<CircuitEvent>().state) });
    const sample = SAMPLES[def.registry].positive;
    try {
      sim.faults.set({ outage: true });
      expect((await ask(nc, ns, def, sample)).error).toMatchObject({ code: `${def.errorPrefix}_ERR_UNAVAILABLE`, retryable: true });
      const refused = await eventually(async () => {
        const a = await ask(nc, ns, def, sample);
        return a.error?.code === 'CONN_ERR_CIRCUIT_OPEN' ? a.error : undefined;
      });
      expect(refused.retryable).toBe(true);
      sim.faults.set({ outage: false });
      const recovered = await eventually(async () => (await ask(nc, ns, def, sample)).reply);
      expect(recovered.cached).toBe(false);
      await eventually(async () => (events.at(-1) === 'closed' ? true : undefined));
      expect(events[0]).toBe('open');
      expect(events.slice(-2)).toEqual(['half-open', 'closed']);
      expect(running[0]!.stats().circuit).toBe('closed');
    } finally {
      sub.unsubscribe();
    }
  });

  it('fails fast with a typed error when the bulkhead is full', async () => {
    await start({ bulkheadLimit: 1, bulkheadQueue: 0, retries: 0 });
    sim.faults.set({ latencyMs: 1_500 });
    const answers = await Promise.all(SAMPLES[def.registry].many(4).map((p) => ask(nc, ns, def, p)));
    const codes = answers.map((a) => a.error?.code ?? 'OK').sort();
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONN_ERR_BULKHEAD_FULL')).toHaveLength(3);
  });

  it('shares parallel load across instances in the queue group; stats are visible through the services API', async () => {
    const services = await start({}, 2);
    const payloads = SAMPLES[def.registry].many(200);
    const answers = await Promise.all(payloads.map((p) => ask(nc, ns, def, p)));
    expect(answers.filter((a) => a.error)).toEqual([]);
    const perInstance = services.map((s) => s.stats().requests);
    expect(perInstance.reduce((a, b) => a + b, 0)).toBe(200);
    expect(Math.min(...perInstance)).toBeGreaterThan(0);

    const client = new Svcm(nc as unknown as ConstructorParameters<typeof Svcm>[0]).client();
    const seen: number[] = [];
    for await (const s of await client.stats(`${ns}-${def.registry}`)) {
      const ep = s.endpoints?.[0];
      expect(ep?.queue_group).toBe('connectors');
      seen.push((ep?.data as { requests: number }).requests);
    }
    expect(seen.sort()).toEqual([...perInstance].sort());
  });
});
