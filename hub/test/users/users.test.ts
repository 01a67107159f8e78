import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { CSRF_HEADER } from '@tareks/schemas';
import { ensureFirstAdmin } from '../../src/users/admin-bootstrap.js';
import { ensureSessionBuckets } from '../../src/session/session.buckets.js';
import { openTestNamespace, type TestNamespace } from '../warehouse/nats-namespace.js';
import { cookieOf, sessionApp, type SessionApp } from '../session/session-app.js';

const logger = pino({ level: 'silent' });
let t: TestNamespace;
let s: SessionApp;

beforeAll(async () => {
  t = await openTestNamespace();
  s = await sessionApp(t);
});
afterAll(async () => {
  await s.app.close();
  await t.drop();
});

describe('dashboard users', () => {
  it('creates the first admin from the environment once, and refuses a weak password', async () => {
    await expect(ensureFirstAdmin(s.users, { username: 'root', password: 'short' }, logger)).rejects.toMatchObject({ code: 'HUB_ERR_USER_INVALID' });
    expect(await ensureFirstAdmin(s.users, { username: 'root', password: 'kök-parolası-uzun-1' }, logger)).toBe(true);
    expect(await ensureFirstAdmin(s.users, { username: 'root2', password: 'kök-parolası-uzun-2' }, logger)).toBe(false);
    expect(await ensureFirstAdmin(s.users, {}, logger)).toBe(false);
    expect((await s.users.list()).map((u) => u.username)).toEqual(['root']);
  });

  it('stores only an argon2id hash of the password', async () => {
    const { users } = await ensureSessionBuckets(t.nc, t.names);
    const stored = (await users.get('root'))!.json<{ passwordHash: string }>();
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(JSON.stringify(stored)).not.toContain('kök-parolası');
  });

  it('lets an admin manage users over HTTP (audited), and keeps one enabled admin', async () => {
    const login = await s.app.inject({ method: 'POST', url: '/v1/session', payload: { username: 'root', password: 'kök-parolası-uzun-1' } });
    const headers = { cookie: cookieOf(login.headers['set-cookie']), [CSRF_HEADER]: login.json().csrfToken as string };
    const created = await s.app.inject({ method: 'POST', url: '/v1/users', headers, payload: { username: 'mufettis1', displayName: 'Müfettiş Bir', roles: ['inspector'], password: 'müfettiş-parola-1' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'mufettis1', roles: ['inspector'], disabled: false });
    const again = await s.app.inject({ method: 'POST', url: '/v1/users', headers, payload: { username: 'mufettis1', displayName: 'x', roles: ['inspector'], password: 'müfettiş-parola-1' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('HUB_ERR_USER_EXISTS');
    const bad = await s.app.inject({ method: 'POST', url: '/v1/users', headers, payload: { username: 'x', displayName: 'x', roles: ['root'], password: 'p' } });
    expect(bad.statusCode).toBe(400);

    const patched = await s.app.inject({ method: 'PATCH', url: '/v1/users/mufettis1', headers, payload: { roles: ['inspector', 'analyst'] } });
    expect(patched.json().roles).toEqual(['inspector', 'analyst']);
    const lastAdmin = await s.app.inject({ method: 'PATCH', url: '/v1/users/root', headers, payload: { roles: ['analyst'] } });
    expect(lastAdmin.statusCode).toBe(409);
    expect(lastAdmin.json().error.code).toBe('HUB_ERR_LAST_ADMIN');
    expect((await s.app.inject({ method: 'PATCH', url: '/v1/users/nobody', headers, payload: { disabled: true } })).statusCode).toBe(404);

    const list = await s.app.inject({ method: 'GET', url: '/v1/users', headers: { cookie: headers.cookie } });
    expect(list.json().map((u: { username: string }) => u.username)).toEqual(['mufettis1', 'root']);
    expect(s.audit).toEqual([{ action: 'user.create', by: 'root' }, { action: 'user.update', by: 'root' }]);
  });
});
