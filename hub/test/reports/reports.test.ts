import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { AuthorizationResult } from '@tareks/schemas';
import { firstOf } from '../../src/auth/principal.js';
import { ReportQueries } from '../../src/reports/report.queries.js';
import { resolveRange } from '../../src/reports/report-range.js';
import { reportRoutes } from '../../src/reports/report.routes.js';
import { createSessionAuthenticator } from '../../src/session/session.authenticator.js';
import { ensureSessionBuckets } from '../../src/session/session.buckets.js';
import { SessionManager } from '../../src/session/session.manager.js';
import { sessionRoutes } from '../../src/session/session.routes.js';
import { UserStore } from '../../src/users/user.store.js';
import { startWarehouse, type RunningWarehouse } from '../../src/warehouse/warehouse.js';
import { turkiyeDay } from '../../src/warehouse/warehouse.rows.js';
import { openTestNamespace, type TestNamespace } from '../warehouse/nats-namespace.js';
import { declarationAndDecision, outcome } from '../warehouse/warehouse.fixtures.js';
import { cookieOf, SECRET } from '../session/session-app.js';

const logger = pino({ level: 'silent' });
const PASSWORD = 'analist-parola-1';
let t: TestNamespace;
let dir: string;
let warehouse: RunningWarehouse;
let reports: ReportQueries;
let app: FastifyInstance;
const today = turkiyeDay(new Date().toISOString());
const range = { from: today, to: today };

beforeAll(async () => {
  t = await openTestNamespace();
  dir = mkdtempSync(join(tmpdir(), 'tareks-rep-'));
  const n = t.names;
  const pub = (subject: string, body: unknown) => t.js.publish(subject, JSON.stringify(body));
  const a1 = declarationAndDecision({ items: [{ gtip: '950300700000', origin: 'CN', lane: 'RED', score: 0.9 }, { gtip: '851660100000', origin: 'DE', lane: 'GREEN', score: 0.1 }] });
  const a2 = declarationAndDecision({ items: [{ gtip: '950300700000', origin: 'CN', lane: 'YELLOW', score: 0.5, cause: 'RANDOM' }] });
  const b1 = declarationAndDecision({ office: '060100', traderVkn9: '123456789', traderName: 'Batı Ayakkabı Ltd.', items: [{ gtip: '640299000000', origin: 'VN', lane: 'RED', score: 0.8, cause: 'RULE' }] });
  for (const x of [a1, a2, b1]) {
    await pub(n.subjects.declReceived, x.received);
    await pub(n.subjects.decision(x.decision.customsOffice, x.decision.lane), x.decision);
  }
  await pub(n.subjects.outcome('341300'), outcome(a1.decision, 1, 'NON_COMPLIANT'));
  await pub(n.subjects.outcome('341300'), outcome(a2.decision, 1, 'COMPLIANT'));
  await pub(n.subjects.outcome('060100'), outcome(b1.decision, 1, 'NON_COMPLIANT'));
  const text = { tr: 'x', en: 'x' };
  const now = new Date().toISOString();
  const auths: AuthorizationResult[] = [
    { requestId: 'REQ-A0000001', status: 'APPROVED', reasons: [], decidedAt: now },
    { requestId: 'REQ-A0000002', status: 'REJECTED', reasons: [{ code: 'NOT_OFFICER', weight: 1, text }, { code: 'TCKN_MISMATCH', weight: 1, text }], decidedAt: now },
    { requestId: 'REQ-A0000003', status: 'REJECTED', reasons: [{ code: 'NOT_OFFICER', weight: 1, text }], decidedAt: now },
  ];
  for (const r of auths) await pub(n.subjects.authorization(r.status), r);

  warehouse = await startWarehouse({ js: t.js, jsm: t.jsm, names: n, logger, path: join(dir, 'w.duckdb') });
  await warehouse.waitCaughtUp();
  reports = new ReportQueries(warehouse.db);

  const buckets = await ensureSessionBuckets(t.nc, n);
  const users = new UserStore(buckets.users);
  await users.create({ username: 'analyst1', displayName: 'Analist', roles: ['analyst'], password: PASSWORD });
  await users.create({ username: 'inspector1', displayName: 'Müfettiş', roles: ['inspector'], password: PASSWORD });
  const sessions = new SessionManager(buckets, users, { secret: SECRET });
  app = Fastify({ loggerInstance: logger });
  await app.register(sessionRoutes, { sessions });
  await app.register(reportRoutes, { reports, authenticate: firstOf(createSessionAuthenticator(sessions)) });
});
afterAll(async () => {
  await app?.close();
  await warehouse?.stop();
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function cookieFor(username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/v1/session', payload: { username, password: PASSWORD } });
  return cookieOf(res.headers['set-cookie']);
}

describe('reports over the warehouse', () => {
  it('counts volumes by lane and by office', async () => {
    expect((await reports.volumes(range, 'lane')).rows).toEqual([
      { key: 'GREEN', declarations: 0, items: 1, green: 1, yellow: 0, red: 0 },
      { key: 'RED', declarations: 2, items: 2, green: 0, yellow: 0, red: 2 },
      { key: 'YELLOW', declarations: 1, items: 1, green: 0, yellow: 1, red: 0 },
    ]);
    expect((await reports.volumes(range, 'office')).rows.map((r) => [r.key, r.declarations, r.items])).toEqual([['060100', 1, 1], ['341300', 2, 3]]);
  });

  it('sets the inspection rate against the planned capacity', async () => {
    const row = (await reports.inspectionRate(range)).rows.find((r) => r.customsOffice === '341300')!;
    expect(row).toMatchObject({ items: 3, yellow: 1, red: 1, capacityRed: 0.03, capacityYellow: 0.07 });
    expect(row.redRate).toBeCloseTo(1 / 3);
    expect(row.redUtilisation).toBeCloseTo(1 / 3 / 0.03);
  });

  it('joins outcomes to decisions for the hit rate by selection cause and the model performance', async () => {
    expect((await reports.hitRate(range)).rows).toEqual([
      { selectionCause: 'RANDOM', selected: 1, inspected: 1, nonCompliant: 0, hitRate: 0 },
      { selectionCause: 'RISK', selected: 1, inspected: 1, nonCompliant: 1, hitRate: 1 },
      { selectionCause: 'RULE', selected: 1, inspected: 1, nonCompliant: 1, hitRate: 1 },
    ]);
    const [perf] = (await reports.modelPerformance(range)).rows;
    expect(perf).toMatchObject({ day: today, modelVersion: 'rules-test', items: 4, inspected: 3, nonCompliant: 2, auc: 1, meanScoreCompliant: 0.5 });
    expect(perf!.meanScoreNonCompliant).toBeCloseTo(0.85);
  });

  it('ranks traders and products, and counts authorizations with their rejection reasons', async () => {
    const traders = (await reports.riskiestTraders(range, 10)).rows;
    expect(traders.map((r) => [r.name, r.declarations, r.items, r.nonCompliant])).toEqual([['Batı Ayakkabı Ltd.', 1, 1, 1], ['Anadolu Oyuncak A.Ş.', 2, 3, 1]]);
    const products = (await reports.riskiestProducts(range, 2)).rows;
    expect(products.map((r) => r.gtip)).toEqual(['640299000000', '950300700000']);
    const auth = await reports.authorizations(range);
    expect(auth.rows).toEqual([{ day: today, status: 'APPROVED', count: 1 }, { day: today, status: 'REJECTED', count: 2 }]);
    expect(auth.rejectionReasons).toEqual([{ code: 'NOT_OFFICER', count: 2 }, { code: 'TCKN_MISMATCH', count: 1 }]);
  });

  it('gives the risk map by GTİP chapter × origin and by origin', async () => {
    const map = await reports.riskMap(range);
    expect(map.cells.find((c) => c.chapter === '95' && c.origin === 'CN')).toEqual({ chapter: '95', origin: 'CN', items: 2, meanScore: 0.7, inspected: 2, nonCompliant: 1, nonComplianceRate: 0.5 });
    expect(map.cells).toHaveLength(3);
    expect(map.byOrigin.map((o) => o.origin)).toEqual(['CN', 'DE', 'VN']);
  });

  it('serves reports over HTTP to analysts only, as JSON or CSV, within a valid range', async () => {
    const analyst = await cookieFor('analyst1');
    const json = await app.inject({ method: 'GET', url: `/v1/reports/risk-map?from=${today}&to=${today}`, headers: { cookie: analyst } });
    expect(json.statusCode).toBe(200);
    expect(json.json().cells).toHaveLength(3);
    const csv = await app.inject({ method: 'GET', url: `/v1/reports/volumes?by=lane&from=${today}&to=${today}&format=csv`, headers: { cookie: analyst } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain(`volumes_lane_${today}_${today}.csv`);
    expect(csv.body.split('\n').slice(0, 2)).toEqual(['\uFEFFkey,declarations,items,green,yellow,red', 'GREEN,0,1,1,0,0']);
    const backwards = await app.inject({ method: 'GET', url: '/v1/reports/hit-rate?from=2026-02-01&to=2026-01-01', headers: { cookie: analyst } });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('HUB_ERR_OUT_OF_RANGE');
    const inspector = await app.inject({ method: 'GET', url: '/v1/reports/volumes', headers: { cookie: await cookieFor('inspector1') } });
    expect(inspector.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/v1/reports/volumes' })).statusCode).toBe(401);
  });

  it('defaults to the last 30 days ending today', () => {
    expect(resolveRange({}, new Date('2026-03-31T22:30:00Z'))).toEqual({ from: '2026-03-03', to: '2026-04-01' });
  });
});
