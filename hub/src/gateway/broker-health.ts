import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { Redis } from 'ioredis';
import type { NatsHealth, RedisHealth } from '@tareks/schemas';
import { bounded } from './bounded.js';

/** A broker answering slower than this is reported down for the tick: a healthy one answers in a millisecond or two. */
const PROBE_TIMEOUT_MS = 750;

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** The NATS server this process is connected to: round trip, server identity and JetStream usage of the account. */
export async function natsHealth(nc: NatsConnection, jsm: JetStreamManager): Promise<NatsHealth> {
  if (nc.isClosed()) return { status: 'down', error: 'connection closed' };
  try {
    const [rttMs, account] = await Promise.all([bounded(nc.rtt(), PROBE_TIMEOUT_MS, 'NATS'), bounded(jsm.getAccountInfo(), PROBE_TIMEOUT_MS, 'JetStream')]);
    const info = nc.info;
    return {
      status: 'up',
      rttMs,
      ...(info ? { server: info.server_name, version: info.version, ...(info.cluster ? { cluster: info.cluster } : {}) } : {}),
      jetstream: { streams: account.streams, consumers: account.consumers, storageBytes: account.storage, memoryBytes: account.memory },
    };
  } catch (err) {
    return { status: 'down', error: message(err) };
  }
}

/** `INFO` answers `key:value` lines grouped under `# Section` headers. */
function parseInfo(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) out.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return out;
}

const int = (v: string | undefined): number | undefined => (v === undefined || !/^\d+$/.test(v) ? undefined : Number(v));

/** Redis behind BullMQ: PING round trip, version, memory, clients, uptime. */
export async function redisHealth(redis: Redis): Promise<RedisHealth> {
  try {
    const started = performance.now();
    await bounded(redis.ping(), PROBE_TIMEOUT_MS, 'Redis');
    const pingMs = performance.now() - started;
    const info = parseInfo(await bounded(redis.info(), PROBE_TIMEOUT_MS, 'Redis'));
    const fields = {
      version: info.get('redis_version'),
      usedMemoryBytes: int(info.get('used_memory')),
      maxMemoryBytes: int(info.get('maxmemory')),
      connectedClients: int(info.get('connected_clients')),
      uptimeSeconds: int(info.get('uptime_in_seconds')),
    };
    return { status: 'up', pingMs, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
  } catch (err) {
    return { status: 'down', error: message(err) };
  }
}
