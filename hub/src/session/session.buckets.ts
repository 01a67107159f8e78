import type { NatsConnection } from '@nats-io/nats-core';
import { Kvm, type KV } from '@nats-io/kv';
import type { Names } from '@tareks/schemas';
import { THROTTLE_WINDOW_MS } from './login-throttle.js';

/** How long a session lasts from sign-in: one working shift. */
export const DEFAULT_SESSION_TTL_MS = 8 * 60 * 60_000;

export interface SessionBuckets {
  readonly users: KV;
  readonly sessions: KV;
  readonly loginFailures: KV;
}

/** Opens (creating when missing) the buckets of users, sessions and sign-in failures; expiry is the buckets' max age. */
export async function ensureSessionBuckets(nc: NatsConnection, n: Names, sessionTtlMs = DEFAULT_SESSION_TTL_MS): Promise<SessionBuckets> {
  const kvm = new Kvm(nc);
  return {
    users: await kvm.create(n.kv.users, { history: 5 }),
    sessions: await kvm.create(n.kv.sessions, { history: 1, ttl: sessionTtlMs }),
    loginFailures: await kvm.create(n.kv.loginFailures, { history: 1, ttl: THROTTLE_WINDOW_MS }),
  };
}
