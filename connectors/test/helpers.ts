import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { Redis } from 'ioredis';
import { pino } from 'pino';

export const logger = pino({ level: 'silent' });

export const testNs = (): string => `t_${randomBytes(5).toString('hex')}`;

export const connectNats = (): Promise<NatsConnection> => connect({ servers: '127.0.0.1:4222' });

export const connectRedis = (): Redis => new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: false, maxRetriesPerRequest: 1 });

/** Deletes the connector cache keys of one test namespace (and nothing else). */
export async function deleteCacheKeys(redis: Redis, ns: string): Promise<void> {
  const keys = await redis.keys(`${ns}:conn:*`);
  if (keys.length > 0) await redis.del(...keys);
}

/** Polls `check` until it returns a value, at most `tries` times `everyMs` apart; no timing is asserted. */
export async function eventually<T>(check: () => Promise<T | undefined>, tries = 100, everyMs = 50): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error('condition not reached');
}
