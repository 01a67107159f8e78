import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { requestRegistry, seedPopulation, startConnectorServices, startRegistrySimulators, type ConnectorServices, type RegistrySimulators } from '@tareks/connectors';
import { randomBytes } from 'node:crypto';
import { connectorStats } from '../src/gateway/connector-stats.js';

const ns = `t_${randomBytes(5).toString('hex')}`;
let nc: NatsConnection;
let redis: Redis;
let sims: RegistrySimulators;
const instances: ConnectorServices[] = [];

beforeAll(async () => {
  nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const population = seedPopulation({ seed: 3, companies: 4, tradesmen: 2 });
  sims = await startRegistrySimulators({ population });
  const env = { KPS_URL: sims.urls.kps, MERSIS_URL: sims.urls.mersis, ESBIS_URL: sims.urls.esbis };
  for (let i = 0; i < 2; i++) instances.push(await startConnectorServices({ nc, redis, ns, logger: pino({ level: 'silent' }), env }));
});

afterAll(async () => {
  for (const i of instances) await i.stop();
  await sims?.close();
  const keys = await redis.keys(`${ns}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await nc.close();
});

describe('connector stats for metrics.v1', () => {
  it('sums every instance of each registry through the NATS services API', async () => {
    for (let i = 0; i < 6; i++) await requestRegistry(nc, ns, 'esbis', { tckn: '17291716060' }, 5_000).catch(() => undefined);
    const stats = await connectorStats(nc, ns);
    expect(stats.map((s) => s.registry).sort()).toEqual(['esbis', 'kps', 'mersis']);
    const esbis = stats.find((s) => s.registry === 'esbis')!;
    expect(esbis.requests).toBe(6);
    expect(esbis.requests).toBe(instances.reduce((n, i) => n + i.stats().find((s) => s.registry === 'esbis')!.requests, 0));
    expect(esbis.circuit).toBe('closed');
  });
});
