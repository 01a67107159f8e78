import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { Redis } from 'ioredis';
import { names } from '@tareks/schemas';

export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A namespace of its own for one test run: streams, buckets and queues that nobody else touches. */
export const testNamespace = (): string => `t_${randomBytes(5).toString('hex')}`;

/** Deletes what a namespace created: its streams, KV buckets and Redis keys. Nothing else. */
export async function dropNamespace(ns: string): Promise<void> {
  const n = names(ns);
  const nc = await connect({ servers: NATS_URL });
  try {
    const jsm = await jetstreamManager(nc);
    for (const stream of Object.values(n.streams)) await jsm.streams.delete(stream).catch(() => undefined);
    const kvm = new Kvm(nc);
    for await (const status of kvm.list()) {
      if (status.bucket.startsWith(`${ns}_`)) await jsm.streams.delete(`KV_${status.bucket}`).catch(() => undefined);
    }
  } finally {
    await nc.close();
  }
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${ns}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
