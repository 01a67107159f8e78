import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, type ClientToServerEvents, type ServerToClientEvents } from '@tareks/schemas';
import { DEMO_API_KEY } from '@tareks/hub';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, TEST_ADMIN, type TestHub } from '../src/support/running-hub.js';

const ADMIN = TEST_ADMIN;
const ROLES = ['operator', 'inspector', 'analyst', 'admin'] as const;
let hub: TestHub;
let url: string;

/** The whole hub as `npm start` wires it: sessions, users, reports (warehouse role) and socket.io with session sign-in. */
beforeAll(async () => {
  hub = await startTestHub();
  url = hub.url!;
});
afterAll(async () => {
  await hub?.dispose();
});

async function login(username: string, password: string): Promise<{ status: number; cookie: string; csrf: string }> {
  const res = await fetch(`${url}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await res.json()) as { csrfToken?: string };
  return { status: res.status, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken ?? '' };
}

const statusOf = async (path: string, cookie: string): Promise<number> => (await fetch(`${url}${path}`, { headers: { cookie } })).status;

function socketFor(cookie: string | null): Socket<ServerToClientEvents, ClientToServerEvents> {
  return connectSocket(url, { path: '/socket.io', transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false, forceNew: true });
}

describe('login per role (HTTP and socket.io)', () => {
  const cookies: Record<string, string> = {};

  it('signs in the first admin from the environment, who creates one user per role', async () => {
    const admin = await login(ADMIN.username, ADMIN.password);
    expect(admin.status).toBe(200);
    cookies.admin = admin.cookie;
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const res = await fetch(`${url}/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: admin.cookie, [CSRF_HEADER]: admin.csrf },
        body: JSON.stringify({ username: `${role}1`, displayName: role, roles: [role], password: `${role}-parolası-1` }),
      });
      expect(res.status).toBe(201);
      const session = await login(`${role}1`, `${role}-parolası-1`);
      expect(session.status).toBe(200);
      cookies[role] = session.cookie;
    }
  });

  it('enforces each role on the server', async () => {
    const matrix = await Promise.all(ROLES.map(async (role) => [role, await statusOf('/v1/users', cookies[role]!), await statusOf('/v1/reports/volumes', cookies[role]!)]));
    expect(matrix).toEqual([
      ['operator', 403, 403],
      ['inspector', 403, 403],
      ['analyst', 403, 200],
      ['admin', 200, 200],
    ]);
    expect(await statusOf('/v1/reports/volumes', '')).toBe(401);
  });

  it('refuses sockets without a session and delivers each event only to the roles allowed to see it', async () => {
    const anonymous = socketFor(null);
    const refusal = await new Promise<{ message: string; data?: { code?: string } }>((resolve) => anonymous.on('connect_error', resolve));
    expect(refusal.data?.code).toBe('HUB_ERR_UNAUTHENTICATED');
    anonymous.close();

    const sockets = ROLES.map((role) => ({ role, socket: socketFor(cookies[role]!), metrics: 0 }));
    try {
      await Promise.all(sockets.map(({ socket }) => new Promise<void>((resolve, reject) => {
        socket.on('connect', () => resolve());
        socket.on('connect_error', reject);
      })));
      for (const s of sockets) s.socket.on('metrics.v1', () => s.metrics++);
      const decided = Promise.all(sockets.map(({ socket }) => new Promise<void>((resolve) => socket.once('decision.v1', () => resolve()))));
      const res = await fetch(`${url}/v1/declarations`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY }, body: JSON.stringify(sampleDeclaration()) });
      expect(res.status).toBe(202);
      await decided;
      // metrics.v1 ticks every second for operators and admins; wait for a few ticks, then nobody else may have had one.
      while (sockets.find((s) => s.role === 'operator')!.metrics < 2 || sockets.find((s) => s.role === 'admin')!.metrics < 2) await new Promise((r) => setTimeout(r, 100));
      expect(sockets.filter((s) => s.metrics > 0).map((s) => s.role).sort()).toEqual(['admin', 'operator']);
    } finally {
      for (const { socket } of sockets) socket.close();
    }
  });
});
