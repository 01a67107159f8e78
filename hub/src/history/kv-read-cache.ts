import type { KV } from '@nats-io/kv';
import { LRUCache } from 'lru-cache';

/**
 * JSON reads of KV entries cached for a while, bounded in keys: concurrent reads of a key share one request, and an
 * expired value is served while one background read refreshes it, so a busy key never stalls the score path.
 * A time of 0 reads every time.
 */
export class KvReadCache<T extends object> {
  private readonly cache: LRUCache<string, { readonly value: T | undefined }> | null;

  constructor(
    private readonly kv: KV,
    ttlMs: number,
    maxKeys: number,
  ) {
    this.cache = ttlMs > 0
      ? new LRUCache({ max: maxKeys, ttl: ttlMs, allowStale: true, allowStaleOnFetchRejection: true, fetchMethod: (key) => this.load(key) })
      : null;
  }

  async get(key: string): Promise<T | undefined> {
    return (this.cache ? await this.cache.fetch(key) : await this.load(key))?.value;
  }

  private async load(key: string): Promise<{ readonly value: T | undefined }> {
    const e = await this.kv.get(key);
    return { value: e && e.operation === 'PUT' ? e.json<T>() : undefined };
  }
}
