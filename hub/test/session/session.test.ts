import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '@tareks/schemas';
import { MAX_FAILURES } from '../../src/session/login-throttle.js';
import { openTestNamespace, type TestNamespace } from '../warehouse/nats-namespace.js';
import { cookieOf, sessionApp, type SessionApp } from './session-app.js';

let t: TestNamespace;
let s: SessionApp;
const PASSWORD = 'doğru-parola-123';

beforeAll(async () => {
  t = await openTestNamespace();
  s = await sessionApp(t);
  await s.users.create({ username: 'operator1', displayName: 'Operatör Bir', roles: ['operator'], password: PASSWORD });
  await s.users.create({ username: 'analyst1', displayName: 'Analist Bir', roles: ['analyst'], password: PASSWORD });
});
afterAll(async () => {
  await s.app.close();
  await t.drop();
});

async function login(username: string, password = PASSWORD) {
  return s.app.inject({ method: 'POST', url: '/v1/session', payload: { username, password } });
}

describe('dashboard sessions', () => {
  it('signs in with an httpOnly, SameSite=Strict signed cookie and answers /v1/session with the CSRF token', async () => {
    const res = await login('operator1');
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'operator1', roles: ['operator'] });
    expect(body.user.passwordHash).toBeUndefined();
    const me = await s.app.inject({ method: 'GET', url: '/v1/session', headers: { cookie: cookieOf(res.headers['set-cookie']) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(body.csrfToken);
  });

  it('refuses wrong passwords and unknown users alike', async () => {
    for (const res of [await login('operator1', 'yanlış-parola-000'), await login('nobody', 'whatever-password')]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('HUB_ERR_LOGIN_FAILED');
    }
  });

  it('enforces roles on the server and CSRF on mutations', async () => {
    const op = await login('operator1');
    const cookie = cookieOf(op.headers['set-cookie']);
    const csrf = op.json().csrfToken as string;
    expect((await s.app.inject({ method: 'GET', url: '/probe' })).statusCode).toBe(401);
    expect((await s.app.inject({ method: 'GET', url: '/probe', headers: { cookie } })).json()).toEqual({ by: 'operator1' });
    const noToken = await s.app.inject({ method: 'POST', url: '/probe', headers: { cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('HUB_ERR_CSRF_INVALID');
    const wrongToken = await s.app.inject({ method: 'POST', url: '/probe', headers: { cookie, [CSRF_HEADER]: `${csrf}x` } });
    expect(wrongToken.statusCode).toBe(403);
    expect((await s.app.inject({ method: 'POST', url: '/probe', headers: { cookie, [CSRF_HEADER]: csrf } })).statusCode).toBe(200);

    const an = await login('analyst1');
    const denied = await s.app.inject({ method: 'GET', url: '/probe', headers: { cookie: cookieOf(an.headers['set-cookie']) } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('HUB_ERR_ROLE_DENIED');
    const notAdmin = await s.app.inject({ method: 'GET', url: '/v1/users', headers: { cookie } });
    expect(notAdmin.statusCode).toBe(403);
  });

  it('refuses a cookie whose signature was tampered with', async () => {
    const cookie = cookieOf((await login('operator1')).headers['set-cookie']);
    const forged = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await s.app.inject({ method: 'GET', url: '/v1/session', headers: { cookie: forged } })).statusCode).toBe(401);
  });

  it('ends the session at sign-out (with the CSRF token) and when the user is disabled', async () => {
    const res = await login('operator1');
    const cookie = cookieOf(res.headers['set-cookie']);
    expect((await s.app.inject({ method: 'DELETE', url: '/v1/session', headers: { cookie } })).statusCode).toBe(403);
    const out = await s.app.inject({ method: 'DELETE', url: '/v1/session', headers: { cookie, [CSRF_HEADER]: res.json().csrfToken } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect((await s.app.inject({ method: 'GET', url: '/probe', headers: { cookie } })).statusCode).toBe(401);

    await s.users.create({ username: 'leaver', displayName: 'Ayrılan', roles: ['operator'], password: PASSWORD });
    const leaver = cookieOf((await login('leaver')).headers['set-cookie']);
    expect((await s.app.inject({ method: 'GET', url: '/probe', headers: { cookie: leaver } })).statusCode).toBe(200);
    await s.users.update('leaver', { disabled: true });
    expect((await s.app.inject({ method: 'GET', url: '/probe', headers: { cookie: leaver } })).statusCode).toBe(401);
  });

  it('voids existing sessions when the password is reset, and admits the new password', async () => {
    await s.users.create({ username: 'resetme', displayName: 'Sıfırlanan', roles: ['operator'], password: PASSWORD });
    const before = cookieOf((await login('resetme')).headers['set-cookie']);
    await s.users.update('resetme', { password: 'yepyeni-parola-456' });
    expect((await s.app.inject({ method: 'GET', url: '/probe', headers: { cookie: before } })).statusCode).toBe(401);
    expect((await login('resetme')).statusCode).toBe(401);
    const after = cookieOf((await login('resetme', 'yepyeni-parola-456')).headers['set-cookie']);
    expect((await s.app.inject({ method: 'GET', url: '/probe', headers: { cookie: after } })).statusCode).toBe(200);
  });

  it('locks a username after repeated failures, even for the right password', async () => {
    await s.users.create({ username: 'target', displayName: 'Hedef', roles: ['inspector'], password: PASSWORD });
    for (let i = 0; i < MAX_FAILURES; i++) expect((await login('target', `wrong-guess-${i}-xx`)).statusCode).toBe(401);
    const locked = await login('target');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('HUB_ERR_LOGIN_THROTTLED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });
});
