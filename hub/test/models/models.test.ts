import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { ModelSlot } from '@tareks/scoring';
import type { ApiError, ModelList, ModelPointers } from '@tareks/schemas';
import { AuditLog } from '../../src/audit/audit.log.js';
import type { Authenticator } from '../../src/auth/principal.js';
import { bootstrapDemoModel } from '../../src/models/demo-bootstrap.js';
import { openLearning, type Learning } from '../../src/models/learning.setup.js';
import { ModelAdmin } from '../../src/models/model.admin.js';
import { modelRoutes } from '../../src/models/model.routes.js';
import { startModelWatcher, type ModelWatcher } from '../../src/models/model.watcher.js';
import { openTestNamespace, type TestNamespace } from '../warehouse/nats-namespace.js';

const logger = pino({ level: 'silent' });
const until = async (cond: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await cond())) await new Promise((r) => setTimeout(r, 20));
};
/** Test callers: the header names the role. */
const authenticate: Authenticator = async (req) => {
  const role = req.headers['x-test-role'];
  return typeof role === 'string' ? { kind: 'user', id: `${role}-1`, roles: [role as 'admin'] } : null;
};

let t: TestNamespace;
let learning: Learning;
let audit: AuditLog;
let admin: ModelAdmin;
let watcher: ModelWatcher;
let app: FastifyInstance;
const slot = new ModelSlot();
let first: string;
let second: string;

beforeAll(async () => {
  t = await openTestNamespace();
  learning = await openLearning(t, t.names);
  audit = new AuditLog(t.js, t.names, logger);
  admin = new ModelAdmin(learning.registry, audit);
  watcher = await startModelWatcher(learning.registry, slot, logger);
  await watcher.ready;
  app = Fastify();
  await app.register(modelRoutes, { prefix: '/v1/admin/models', authenticate, registry: learning.registry, admin });
});

afterAll(async () => {
  await watcher?.stop();
  await app?.close();
  await t?.jsm.streams.delete(`OBJ_${t.names.objectStore.models}`).catch(() => undefined);
  await t?.drop();
});

describe('model registry, pointers and hot swap', () => {
  it('bootstraps a first model from a generated world, stores it in the object store and makes it active', async () => {
    expect(slot.current.champion).toBeNull();
    const info = await bootstrapDemoModel(learning.registry, logger, { weeks: 2, params: { rounds: 30 } });
    first = info!.version;
    expect(info!.source).toBe('bootstrap');
    expect(info!.metrics.auc).toBeGreaterThan(0.5);
    expect(info!.trainingWindow.rows).toBeGreaterThan(500);
    const loaded = await learning.registry.load(first);
    expect(loaded.onnx.length).toBeGreaterThan(1000);
    expect(loaded.gbdt.featureNames).toEqual(info!.featureNames);
    expect(await bootstrapDemoModel(learning.registry, logger)).toBeNull();
    await until(() => slot.current.champion?.version === first);
  });

  it('promote and rollback are audited and the worker slot follows the pointers', async () => {
    const trained = await bootstrapOther();
    second = trained;
    const promoted = await admin.promote(second, { kind: 'user', id: 'ayse' }, 'better on last month');
    expect(promoted).toMatchObject({ active: second, previous: first });
    await until(() => slot.current.champion?.version === second);

    const back = await admin.rollback({ kind: 'user', id: 'ayse' });
    expect(back).toMatchObject({ active: first, previous: null, shadow: second });
    await until(() => slot.current.champion?.version === first && slot.current.shadow?.version === second);
    await expect(admin.rollback({ kind: 'user', id: 'ayse' })).rejects.toMatchObject({ code: 'HUB_ERR_NO_PREVIOUS_MODEL' });

    const promotes = (await audit.query({ action: 'model.promote' })).records;
    const rollbacks = (await audit.query({ action: 'model.rollback' })).records;
    expect(promotes.map((r) => [r.target, r.result, r.actor.id])).toEqual([[second, 'OK', 'ayse']]);
    expect(promotes[0]!.details).toMatchObject({ reason: 'better on last month', before: { active: first }, after: { active: second } });
    expect(rollbacks.map((r) => [r.target, r.result])).toEqual([[first, 'OK'], ['none', 'HUB_ERR_NO_PREVIOUS_MODEL']]);
  });

  it('admin API: lists versions, promotes with audit, refuses unknown versions and non-admins with coded errors', async () => {
    const anon = await app.inject({ method: 'GET', url: '/v1/admin/models' });
    expect(anon.statusCode).toBe(401);
    const inspector = await app.inject({ method: 'POST', url: `/v1/admin/models/${second}/promote`, headers: { 'x-test-role': 'inspector' } });
    expect(inspector.statusCode).toBe(403);

    const list = await app.inject({ method: 'GET', url: '/v1/admin/models', headers: { 'x-test-role': 'admin' } });
    expect(list.statusCode).toBe(200);
    const body = list.json<ModelList>();
    expect(body.models.map((m) => m.version).sort()).toEqual([first, second].sort());
    expect(body.pointers.active).toBe(first);

    const missing = await app.inject({ method: 'POST', url: '/v1/admin/models/m-20200101000000-abcdef/promote', headers: { 'x-test-role': 'admin' }, payload: {} });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ApiError>().error.code).toBe('HUB_ERR_MODEL_NOT_FOUND');

    const ok = await app.inject({ method: 'POST', url: `/v1/admin/models/${second}/promote`, headers: { 'x-test-role': 'admin' }, payload: { reason: 'api' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<ModelPointers>()).toMatchObject({ active: second, previous: first, shadow: null });
    await until(() => slot.current.champion?.version === second && slot.current.shadow === null);
    const records = (await audit.query({ action: 'model.promote' })).records;
    expect(records.map((r) => [r.target, r.result, r.actor.id])).toContainEqual([second, 'OK', 'admin-1']);
    expect(records.map((r) => r.result)).toContain('HUB_ERR_MODEL_NOT_FOUND');
  });
});

/** A second version stored without touching the pointers. */
async function bootstrapOther(): Promise<string> {
  const { gbdt } = await learning.registry.load(first);
  const info = await learning.registry.save({ ...gbdt, trees: gbdt.trees.slice(0, 10) }, {
    source: 'retrain',
    trainingWindow: { from: new Date(0).toISOString(), to: new Date().toISOString(), rows: 1 },
    metrics: { rows: 1, positives: 0, auc: 0.5, precisionAtCapacity: 0 },
  }, new Date(Date.now() + 1000));
  return info.version;
}
