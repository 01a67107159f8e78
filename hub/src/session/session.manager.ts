import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { fastifyCookie } from '@fastify/cookie';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { KV } from '@nats-io/kv';
import { SESSION_COOKIE, type SessionInfo, type UserView } from '@tareks/schemas';
import type { Principal } from '../auth/principal.js';
import type { UserStore } from '../users/user.store.js';
import { LoginThrottle } from './login-throttle.js';
import { DEFAULT_SESSION_TTL_MS, type SessionBuckets } from './session.buckets.js';
import { SESSION_ERROR_CODES, SessionError } from './session.errors.js';

export interface SessionOptions {
  /** Cookie signing secret, or several (newest first) to rotate without signing everyone out; each ≥ 32 characters. */
  readonly secret: string | readonly string[];
  /** Session lifetime from sign-in in ms; must equal the sessions bucket's max age. Default 8 h. */
  readonly ttlMs?: number;
  /** Adds `Secure` to the cookie; set it whenever the dashboard is served over TLS. Default false. */
  readonly secure?: boolean;
}

interface SessionRecord {
  readonly username: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** A signed-in caller: the session (its KV key) and the user as stored now, so role changes and disabling act at once. */
export interface ActiveSession {
  readonly key: string;
  readonly user: UserView;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

/** Only a hash of the session id is stored, so a read of the bucket yields no usable cookie. */
const keyOf = (sessionId: string): string => createHash('sha256').update(sessionId).digest('hex');

export const principalOf = (s: ActiveSession): Principal => ({ kind: 'user', id: s.user.username, roles: s.user.roles });

/** Sign-in, sign-out and resolution of the session cookie, with server-side records in NATS KV. */
export class SessionManager {
  private readonly signer;
  private readonly ttlMs: number;
  private readonly secure: boolean;
  private readonly sessions: KV;
  readonly throttle: LoginThrottle;

  constructor(
    buckets: SessionBuckets,
    readonly users: UserStore,
    options: SessionOptions,
  ) {
    const secrets = typeof options.secret === 'string' ? [options.secret] : [...options.secret];
    if (secrets.length === 0 || secrets.some((s) => s.length < 32)) throw new RangeError('session secrets must be at least 32 characters');
    this.signer = fastifyCookie.signerFactory(secrets);
    this.ttlMs = options.ttlMs ?? DEFAULT_SESSION_TTL_MS;
    this.secure = options.secure ?? false;
    this.sessions = buckets.sessions;
    this.throttle = new LoginThrottle(buckets.loginFailures);
  }

  /** Checks the password (throttled per username) and opens a session; returns it and the Set-Cookie value. */
  async login(username: string, password: string): Promise<{ info: SessionInfo; setCookie: string }> {
    const name = username.trim().toLowerCase();
    const wait = await this.throttle.retryAfterSec(name);
    if (wait > 0) throw new SessionError(SESSION_ERROR_CODES.throttled, 'too many failed sign-ins for this user, try later', wait);
    const user = await this.users.authenticate(name, password);
    if (!user) {
      await this.throttle.recordFailure(name);
      throw new SessionError(SESSION_ERROR_CODES.loginFailed, 'wrong username or password, or the account is disabled');
    }
    await this.throttle.clear(name);
    const id = randomBytes(32).toString('base64url');
    const now = Date.now();
    const record: SessionRecord = {
      username: user.username,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.ttlMs).toISOString(),
    };
    await this.sessions.put(keyOf(id), JSON.stringify(record));
    return {
      info: { user, csrfToken: record.csrfToken, expiresAt: record.expiresAt },
      setCookie: this.cookie(this.signer.sign(id), Math.floor(this.ttlMs / 1000)),
    };
  }

  /** The session behind a Cookie header, or null when absent, forged, expired, signed out, or voided by a password reset or disabling. */
  async resolve(cookieHeader: string | undefined): Promise<ActiveSession | null> {
    const key = this.keyFromCookie(cookieHeader);
    if (!key) return null;
    const entry = await this.sessions.get(key);
    if (!entry || entry.operation !== 'PUT') return null;
    const record = entry.json<SessionRecord>();
    if (Date.parse(record.expiresAt) <= Date.now()) return null;
    const found = await this.users.forSession(record.username);
    if (!found || found.user.disabled || Date.parse(record.createdAt) <= found.sessionsValidFrom) return null;
    return { key, user: found.user, csrfToken: record.csrfToken, expiresAt: record.expiresAt };
  }

  /** Ends the session behind the Cookie header (if any); returns the Set-Cookie value that clears the cookie. */
  async logout(cookieHeader: string | undefined): Promise<string> {
    const key = this.keyFromCookie(cookieHeader);
    if (key) await this.sessions.delete(key);
    return this.cookie('', 0);
  }

  csrfMatches(session: ActiveSession, token: string | string[] | undefined): boolean {
    if (typeof token !== 'string') return false;
    const a = Buffer.from(token);
    const b = Buffer.from(session.csrfToken);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private keyFromCookie(cookieHeader: string | undefined): string | null {
    if (!cookieHeader) return null;
    const raw = parseCookie(cookieHeader)[SESSION_COOKIE];
    if (!raw) return null;
    const unsigned = this.signer.unsign(raw);
    return unsigned.valid ? keyOf(unsigned.value) : null;
  }

  private cookie(value: string, maxAgeSec: number): string {
    return stringifySetCookie({ name: SESSION_COOKIE, value, httpOnly: true, sameSite: 'strict', secure: this.secure, path: '/', maxAge: maxAgeSec });
  }
}
