import { createHash, randomBytes } from 'node:crypto';
import type { KV } from '@nats-io/kv';
import type { ApiClient, ApiKeyVerifier, Scope } from '@tareks/adapters';
import type { StoredCallback } from '@tareks/schemas';

export const DEMO_API_KEY = 'demo-customs-key';
export const DEMO_CLIENT_ID = 'demo-customs';

/** Keys are random 32-byte secrets, so a plain SHA-256 is a safe one-way index (no KDF needed, unlike passwords). */
const hashKey = (apiKey: string): string => createHash('sha256').update(apiKey).digest('hex');
/** KV key of the pointer from a client id to its record (KV keys allow only `[-/_=.a-zA-Z0-9]`). */
const idKey = (clientId: string): string => `id.${Buffer.from(clientId).toString('base64url')}`;

/** How long a verified key stays cached in the process; a revoked key stops working within this time. */
const CACHE_TTL_MS = 30_000;

export interface StoredClient extends ApiClient {
  readonly createdAt: string;
  readonly updatedAt?: string;
  readonly revokedAt?: string;
  readonly callback?: StoredCallback;
}

export interface ClientPatch {
  readonly scopes?: readonly Scope[];
  /** null removes the callback. */
  readonly callback?: StoredCallback | null;
}

/** API clients in NATS KV, indexed by the hash of their key, with a pointer per client id for admin look-ups. */
export class ApiKeyStore implements ApiKeyVerifier {
  private readonly cache = new Map<string, { client: ApiClient | null; until: number }>();
  private readonly byId = new Map<string, { client: StoredClient | null; until: number }>();

  constructor(
    private readonly kv: KV,
    private readonly refuseDemoKey: boolean,
  ) {}

  async verify(apiKey: string): Promise<ApiClient | null> {
    if (this.refuseDemoKey && apiKey === DEMO_API_KEY) return null;
    const hash = hashKey(apiKey);
    const hit = this.cache.get(hash);
    if (hit && hit.until > Date.now()) return hit.client;
    const stored = await this.read(hash);
    const client = stored && !stored.revokedAt ? { clientId: stored.clientId, scopes: stored.scopes } : null;
    this.cache.set(hash, { client, until: Date.now() + CACHE_TTL_MS });
    return client;
  }

  /** Registers a client and returns its new key (shown once, stored only as a hash). */
  async create(clientId: string, scopes: readonly Scope[], apiKey: string = randomBytes(32).toString('base64url'), callback?: StoredCallback): Promise<string> {
    const hash = hashKey(apiKey);
    const client: StoredClient = { clientId, scopes, createdAt: new Date().toISOString(), ...(callback ? { callback } : {}) };
    await this.kv.put(hash, JSON.stringify(client));
    await this.kv.put(idKey(clientId), hash);
    this.byId.delete(clientId);
    return apiKey;
  }

  /** The client record by id (revoked ones too), or null. */
  async get(clientId: string): Promise<StoredClient | null> {
    const hash = await this.hashOf(clientId);
    return hash ? this.read(hash) : null;
  }

  async list(): Promise<StoredClient[]> {
    const out: StoredClient[] = [];
    for await (const key of await this.kv.keys('id.>')) {
      const hash = (await this.kv.get(key))?.string();
      const client = hash ? await this.read(hash) : null;
      if (client) out.push(client);
    }
    return out.sort((a, b) => a.clientId.localeCompare(b.clientId));
  }

  /** Changes scopes and/or callback; returns the new record, or null when the client is unknown. */
  async update(clientId: string, patch: ClientPatch): Promise<StoredClient | null> {
    return this.rewrite(clientId, (c) => {
      const { callback: _old, ...rest } = c;
      const callback = patch.callback === undefined ? c.callback : (patch.callback ?? undefined);
      return { ...rest, scopes: patch.scopes ?? c.scopes, ...(callback ? { callback } : {}), updatedAt: new Date().toISOString() };
    });
  }

  /** Revokes the client's key (the record stays, for the audit trail). */
  async revoke(clientId: string): Promise<StoredClient | null> {
    return this.rewrite(clientId, (c) => ({ ...c, revokedAt: c.revokedAt ?? new Date().toISOString() }));
  }

  /** The callback of an active client, cached like keys: a changed callback applies within the cache time. */
  async callbackOf(clientId: string): Promise<StoredCallback | null> {
    const hit = this.byId.get(clientId);
    const client = hit && hit.until > Date.now() ? hit.client : await this.get(clientId);
    if (!hit || hit.until <= Date.now()) this.byId.set(clientId, { client, until: Date.now() + CACHE_TTL_MS });
    return client && !client.revokedAt ? (client.callback ?? null) : null;
  }

  private async rewrite(clientId: string, change: (c: StoredClient) => StoredClient): Promise<StoredClient | null> {
    const hash = await this.hashOf(clientId);
    const current = hash ? await this.read(hash) : null;
    if (!hash || !current) return null;
    const next = change(current);
    await this.kv.put(hash, JSON.stringify(next));
    this.cache.delete(hash);
    this.byId.delete(clientId);
    return next;
  }

  private async hashOf(clientId: string): Promise<string | null> {
    const e = await this.kv.get(idKey(clientId));
    return e && e.operation === 'PUT' ? e.string() : null;
  }

  private async read(hash: string): Promise<StoredClient | null> {
    const e = await this.kv.get(hash);
    return e && e.operation === 'PUT' ? e.json<StoredClient>() : null;
  }
}
