import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { CapacityRouter } from '@tareks/scoring';
import type { ApiError, CapacitySettings } from '@tareks/schemas';
import { AuditLog } from '../../src/audit/audit.log.js';
import type { Authenticator } from '../../src/auth/principal.js';
import { capacityRoutes } from '../../src/models/capacity.routes.js';
import { CapacitySettingsStore, followCapacities } from '../../src/models/capacity.settings.js';
import { openLearning, type Learning } from '../../src/models/learning.setup.js';
import { openTestNamespace, type TestNamespace } from '../warehouse/nats-namespace.js';

const logger = pino({ level: 'silent' });
const authenticate: Authenticator = async (req) => (req.headers['x-test-role'] === 'admin' ? { kind: 'user', id: 'admin-1', roles: ['admin'] } : null);
const until = async (cond: () => boolean): Promise<void> => {
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
};

let t: TestNamespace;
let learning: Learning;
let audit: AuditLog;
let app: FastifyInstance;
let unfollow: () => Promise<void>;
const router = new CapacityRouter();

beforeAll(async () => {
  t = await openTestNamespace();
  learning = await openLearning(t, t.names);
  audit = new AuditLog(t.js, t.names, logger);
  unfollow = await followCapacities(learning.registry.settings, router, logger);
  app = Fastify();
  await app.register(capacityRoutes, { prefix: '/v1/admin/capacity', authenticate, capacities: new CapacitySettingsStore(learning.registry.settings, audit) });
});

afterAll(async () => {
  await unfollow?.();
  await app?.close();
  await t?.jsm.streams.delete(`OBJ_${t.names.objectStore.models}`).catch(() => undefined);
  await t?.drop();
});

describe('lane capacity settings', () => {
  it('an admin change is audited and applied to the score workers’ router', async () => {
    expect(router.capacityOf('341300', 'PRODUCT_SAFETY')).toEqual({ red: 0.03, yellow: 0.07 });
    const res = await app.inject({
      method: 'PUT', url: '/v1/admin/capacity', headers: { 'x-test-role': 'admin' },
      payload: { default: { red: 0.02, yellow: 0.05 }, byKey: { '341300:PRODUCT_SAFETY': { red: 0.1, yellow: 0.1 } }, reason: 'more inspectors in İstanbul' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<CapacitySettings>().byKey['341300:PRODUCT_SAFETY']).toEqual({ red: 0.1, yellow: 0.1 });
    await until(() => router.capacityOf('341300', 'PRODUCT_SAFETY').red === 0.1);
    expect(router.capacityOf('060100', 'AGRI_QUALITY')).toEqual({ red: 0.02, yellow: 0.05 });
    const records = (await audit.query({ action: 'capacity.change' })).records;
    expect(records.map((r) => [r.actor.id, r.result, r.details['reason']])).toEqual([['admin-1', 'OK', 'more inspectors in İstanbul']]);
  });

  it('refuses a share above 1 and unknown keys with coded errors, and anonymous callers', async () => {
    const bad = await app.inject({ method: 'PUT', url: '/v1/admin/capacity', headers: { 'x-test-role': 'admin' }, payload: { default: { red: 2, yellow: 0 }, byKey: {} } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiError>().error.details?.[0]?.pointer).toBe('/default/red');
    const anon = await app.inject({ method: 'GET', url: '/v1/admin/capacity' });
    expect(anon.statusCode).toBe(401);
  });
});
