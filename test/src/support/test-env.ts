import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { Redis } from 'ioredis';

export const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A namespace of its own for one test run: streams, buckets and queues that nobody else touches. */
export const testNamespace = (): string => `t_${randomBytes(5).toString('hex')}`;

/** Deletes what a namespace created: its streams, KV buckets and Redis keys. Nothing else. */
export async function dropNamespace(ns: string): Promise<void> {
  const nc = await connect({ servers: NATS_URL });
  try {
    const jsm = await jetstreamManager(nc);
    // The namespace's streams, KV buckets (KV_<ns>_…) and object stores (OBJ_<ns>_…), and nothing else.
    const ours = [`${ns.toUpperCase()}_`, `KV_${ns}_`, `OBJ_${ns}_`];
    const names: string[] = [];
    for await (const s of jsm.streams.list()) if (ours.some((p) => s.config.name.startsWith(p))) names.push(s.config.name);
    for (const stream of names) await jsm.streams.delete(stream).catch(() => undefined);
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
