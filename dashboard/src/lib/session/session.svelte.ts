import type { SessionInfo } from '@tareks/schemas';

export type SessionState = 'unknown' | 'signed-in' | 'signed-out';
export type SignInResult = 'ok' | 'failed' | 'locked' | 'error';

/** The dashboard user's session (httpOnly cookie set by the hub) and the CSRF token its mutations must send. */
class DashboardSession {
  state = $state<SessionState>('unknown');
  info = $state<SessionInfo | null>(null);

  async load(): Promise<void> {
    const res = await fetch('/v1/session', { credentials: 'same-origin' }).catch(() => null);
    this.set(res?.ok ? ((await res.json()) as SessionInfo) : null);
  }

  async signIn(username: string, password: string): Promise<SignInResult> {
    const res = await fetch('/v1/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }).catch(() => null);
    if (!res) return 'error';
    if (res.ok) {
      this.set((await res.json()) as SessionInfo);
      return 'ok';
    }
    return res.status === 429 ? 'locked' : res.status === 401 || res.status === 400 ? 'failed' : 'error';
  }

  async signOut(): Promise<void> {
    await fetch('/v1/session', { method: 'DELETE', credentials: 'same-origin', headers: { 'x-csrf-token': this.info?.csrfToken ?? '' } }).catch(() => null);
    this.set(null);
  }

  private set(info: SessionInfo | null): void {
    this.info = info;
    this.state = info ? 'signed-in' : 'signed-out';
  }
}

export const session = new DashboardSession();
