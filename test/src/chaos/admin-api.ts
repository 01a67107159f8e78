import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { ApiKeyStore } from '@tareks/hub';
import type { ApiClientSecrets, AuditPage, CallbackTarget, DeadLetter, DeadLetterPage, DeadLetterSummary, ReplayOutcome } from '@tareks/schemas';
import { names } from '@tareks/schemas';

/** Client id of the operations tool the suite acts as (scope `admin`). */
export const CHAOS_ADMIN_ID = 'chaos-ops';

/**
 * The first admin key of a fresh namespace, written into its `<ns>_clients` bucket exactly as the hub's ApiKeyStore
 * does (the bucket is created with the hub's settings when it does not exist yet). Every later client goes through
 * the admin API with this key.
 */
export async function bootstrapAdminKey(nc: NatsConnection, ns: string): Promise<string> {
  const kv = await new Kvm(nc).create(names(ns).kv.clients, { history: 5 });
  return new ApiKeyStore(kv, false).create(CHAOS_ADMIN_ID, ['admin']);
}

export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
  constructor(readonly status: number, readonly body: string) {
    super(`admin API answered ${status}: ${body.slice(0, 300)}`);
  }
}

/** The admin API (`/v1/admin`) as an operations tool calls it. */
export class AdminApi {
  constructor(
    private readonly hubUrl: string,
    private readonly apiKey: string,
  ) {}

  createClient(clientId: string, callback: CallbackTarget): Promise<ApiClientSecrets> {
    return this.call('POST', '/clients', { clientId, scopes: ['declarations:write', 'declarations:read'], callback });
  }

  deadLetters(query: Record<string, string>): Promise<DeadLetterPage> {
    return this.call('GET', `/dead-letters?${new URLSearchParams(query)}`);
  }

  /** Every dead letter's summary, newest first, page by page. */
  async allDeadLetters(): Promise<DeadLetterSummary[]> {
    const out: DeadLetterSummary[] = [];
    let cursor: number | undefined;
    do {
      const page = await this.deadLetters({ limit: '500', ...(cursor ? { cursor: String(cursor) } : {}) });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }

  deadLetter(id: string): Promise<DeadLetter> {
    return this.call('GET', `/dead-letters/${encodeURIComponent(id)}`);
  }

  replay(id: string, payload: unknown): Promise<ReplayOutcome> {
    return this.call('POST', `/dead-letters/${encodeURIComponent(id)}/replay`, { payload });
  }

  audit(query: Record<string, string>): Promise<AuditPage> {
    return this.call('GET', `/audit?${new URLSearchParams(query)}`);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.hubUrl}/v1/admin${path}`, {
      method,
      headers: { 'x-api-key': this.apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (!res.ok) throw new AdminApiError(res.status, text);
    return JSON.parse(text) as T;
  }
}
