import { createHash } from 'node:crypto';
import type { KV } from '@nats-io/kv';

/** Failed sign-ins allowed per username in one window; past that the username is locked until the window ends. */
export const MAX_FAILURES = 5;
/** The window, also the max age of the KV bucket that holds the counters (entries vanish with it). */
export const THROTTLE_WINDOW_MS = 15 * 60_000;

interface Failures {
  readonly count: number;
  readonly firstAt: number;
}

/** Any string may be typed as a username; the hash makes it a valid, fixed-length KV key. */
const keyOf = (username: string): string => createHash('sha256').update(username.toLowerCase()).digest('hex').slice(0, 32);

/**
 * Per-username brake on password guessing, shared by every api process through NATS KV. Per-address limits
 * come from the HTTP rate limiter; this one stops a slow guess spread over many addresses.
 */
export class LoginThrottle {
  constructor(
    private readonly kv: KV,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `username` may try again; 0 when it may now. */
  async retryAfterSec(username: string): Promise<number> {
    const f = await this.read(username);
    if (!f || f.value.count < MAX_FAILURES) return 0;
    return Math.max(0, Math.ceil((f.value.firstAt + THROTTLE_WINDOW_MS - this.now()) / 1000));
  }

  async recordFailure(username: string): Promise<void> {
    const key = keyOf(username);
    const f = await this.read(username);
    const fresh = !f || this.now() - f.value.firstAt >= THROTTLE_WINDOW_MS;
    const next: Failures = fresh ? { count: 1, firstAt: this.now() } : { count: f.value.count + 1, firstAt: f.value.firstAt };
    // Last writer wins: two simultaneous failures may count once, which only delays the lock by one guess.
    await this.kv.put(key, JSON.stringify(next));
  }

  async clear(username: string): Promise<void> {
    await this.kv.delete(keyOf(username));
  }

  private async read(username: string): Promise<{ value: Failures } | null> {
    const e = await this.kv.get(keyOf(username));
    return e && e.operation === 'PUT' ? { value: e.json<Failures>() } : null;
  }
}
