import { Redis } from 'ioredis';
import type { ConnectionOptions } from 'bullmq';

/** BullMQ connection options from REDIS_URL; workers need `maxRetriesPerRequest: null` for blocking commands. */
export function redisConnection(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** A small client used only to answer readiness: one command, no queue of retries. */
export function createRedisProbe(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
}
