import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * Read-through cache of registry answers in Redis. Positive and negative answers have their own TTL.
 * Redis holds no record here: when it fails the lookup goes upstream, it never fails because of the cache.
 */
export class RegistryCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {}

  key(registry: string, lookupKey: string): string {
    return `${this.prefix}:conn:${registry}:${lookupKey}`;
  }

  async get<T>(key: string): Promise<T | undefined> {
    try {
      const raw = await this.redis.get(key);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    } catch (err) {
      this.logger.warn({ err, key }, 'connector cache read failed; going upstream');
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlSec: number): Promise<void> {
    if (ttlSec <= 0) return;
    try {
      await this.redis.set(key, JSON.stringify(value), 'EX', ttlSec);
    } catch (err) {
      this.logger.warn({ err, key }, 'connector cache write failed');
    }
  }
}
