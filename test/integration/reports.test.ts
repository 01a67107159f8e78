import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, type Decision, type InspectionOutcome, type RiskMapItemsReport, type RiskMapReport } from '@tareks/schemas';
import { ReportQueries, type RunningWarehouse } from '@tareks/hub';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { submitAndDecide } from '../src/support/decisions.js';
import { startTestHub, TEST_ADMIN, type TestHub } from '../src/support/running-hub.js';

const PASSWORD = 'parola-en-az-12';
let hub: TestHub;
let warehouse: RunningWarehouse;
let reports: ReportQueries;

interface Session {
  readonly username: string;
  readonly cookie: string;
  readonly csrf: string;
}

async function signIn(username: string, password = PASSWORD): Promise<Session> {
  const res = await fetch(`${hub.url}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { user: { username: string }; csrfToken: string };
  return { username: body.user.username, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
}

/** The whole hub (warehouse role included); users are created by its admin over the API, as in production. */
beforeAll(async () => {
  hub = await startTestHub();
  warehouse = hub.warehouse!;
  reports = new ReportQueries(warehouse.db);
  const admin = await signIn(TEST_ADMIN.username, TEST_ADMIN.password);
  for (const [username, role] of [['mufettis1', 'inspector'], ['analist1', 'analyst']] as const) {
    const res = await fetch(`${hub.url}/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, [CSRF_HEADER]: admin.csrf },
      body: JSON.stringify({ username, displayName: username, roles: [role], password: PASSWORD }),
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await hub?.dispose();
});

const decide = (): Promise<Decision> => submitAndDecide(hub.url!, sampleDeclaration(), 10_000);

/** Every decision of this test's own namespace. */
const ALL_DAYS = { from: '2000-01-01', to: '2100-12-31' };
const inspectedOf = async () => (await reports.hitRate(ALL_DAYS)).rows.reduce((n, r) => n + r.inspected, 0);

describe('pipeline → warehouse → reports', () => {
  it('counts the decisions of declarations sent through the hub, and an outcome an inspector records', async () => {
    const decision = await decide();
    await decide();
    await warehouse.waitCaughtUp();
    const byLane = (await reports.volumes(ALL_DAYS, 'lane')).rows;
    expect(byLane.reduce((n, r) => n + r.items, 0)).toBe(4);
    expect(await inspectedOf()).toBe(0);

    const inspectorSession = await signIn('mufettis1');
    const inspector = inspectorSession.username;
    const result: InspectionOutcome = {
      declarationId: decision.declarationId, version: decision.version, itemNo: 1, inspector, result: 'NON_COMPLIANT',
      findings: [{ code: 'CE_MARK_MISSING', text: 'CE işareti yok' }], inspectedAt: new Date().toISOString(),
    };
    const recorded = await fetch(`${hub.url}/v1/outcomes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: inspectorSession.cookie, [CSRF_HEADER]: inspectorSession.csrf },
      body: JSON.stringify(result),
    });
    expect(recorded.status).toBe(202);
    await warehouse.waitCaughtUp();
    expect(await inspectedOf()).toBe(1);
    const cause = decision.items[0]!.selectionCause;
    expect((await reports.hitRate(ALL_DAYS)).rows.find((r) => r.selectionCause === cause)).toMatchObject({ inspected: 1, nonCompliant: 1, hitRate: 1 });
  });

  it('serves the risk map with data to an analyst', async () => {
    const { cookie } = await signIn('analist1');
    const res = await fetch(`${hub.url}/v1/reports/risk-map`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const map = (await res.json()) as RiskMapReport;
    expect(map.cells.find((c) => c.chapter === '95' && c.origin === 'CN')).toMatchObject({ items: 2, inspected: 1, nonCompliant: 1, nonComplianceRate: 1 });
    expect(map.byOrigin.map((o) => o.origin).sort()).toEqual(['CN', 'DE']);
  });

  it('lets an inspector read the risk map and its items, but not the BI reports', async () => {
    const { cookie } = await signIn('mufettis1');
    expect((await fetch(`${hub.url}/v1/reports/risk-map`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${hub.url}/v1/reports/volumes`, { headers: { cookie } })).status).toBe(403);
    const res = await fetch(`${hub.url}/v1/reports/risk-map/items?chapter=95&origin=CN`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const items = (await res.json()) as RiskMapItemsReport;
    expect(items.total).toBe(2);
    expect(items.rows.map((r) => r.outcome).sort()).toEqual(['NON_COMPLIANT', null]);
    expect(items.rows.every((r) => r.gtip === '950300700000' && r.origin === 'CN')).toBe(true);
  });

  it('answers the same items from the query as from the route, filtered by origin only, and refuses a bad chapter', async () => {
    const de = await reports.riskMapItems(ALL_DAYS, { origin: 'DE', limit: 10, offset: 0 });
    expect(de.rows.map((r) => r.gtip)).toEqual(['851660100000', '851660100000']);
    const { cookie } = await signIn('analist1');
    const bad = await fetch(`${hub.url}/v1/reports/risk-map/items?chapter=9X`, { headers: { cookie } });
    expect(bad.status).toBe(400);
  });
});
