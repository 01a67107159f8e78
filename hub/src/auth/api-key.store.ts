import { createHash, randomBytes } from 'node:crypto';
import type { KV } from '@nats-io/kv';
import type { ApiClient, ApiKeyVerifier, Scope } from '@tareks/adapters';

export const DEMO_API_KEY = 'demo-customs-key';
export const DEMO_CLIENT_ID = 'demo-customs';

/** Keys are random 32-byte secrets, so a plain SHA-256 is a safe one-way index (no KDF needed, unlike passwords). */
const hashKey = (apiKey: string): string => createHash('sha256').update(apiKey).digest('hex');

/** How long a verified key stays cached in the process; a revoked key stops working within this time. */
const CACHE_TTL_MS = 30_000;

interface StoredClient extends ApiClient {
  readonly createdAt: string;
}

/** API clients in NATS KV, indexed by the hash of their key. */
export class ApiKeyStore implements ApiKeyVerifier {
  private readonly cache = new Map<string, { client: ApiClient | null; until: number }>();

  constructor(
    private readonly kv: KV,
    private readonly refuseDemoKey: boolean,
  ) {}

  async verify(apiKey: string): Promise<ApiClient | null> {
    if (this.refuseDemoKey && apiKey === DEMO_API_KEY) return null;
    const hash = hashKey(apiKey);
    const hit = this.cache.get(hash);
    if (hit && hit.until > Date.now()) return hit.client;
    const entry = await this.kv.get(hash);
    const client = entry && entry.operation === 'PUT' ? entry.json<StoredClient>() : null;
    this.cache.set(hash, { client: client && { clientId: client.clientId, scopes: client.scopes }, until: Date.now() + CACHE_TTL_MS });
    return client;
  }

  /** Registers a client and returns its new key (shown once, stored only as a hash). */
  async create(clientId: string, scopes: readonly Scope[], apiKey: string = randomBytes(32).toString('base64url')): Promise<string> {
    const client: StoredClient = { clientId, scopes, createdAt: new Date().toISOString() };
    await this.kv.put(hashKey(apiKey), JSON.stringify(client));
    return apiKey;
  }
}
