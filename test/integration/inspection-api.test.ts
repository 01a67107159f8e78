import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { DEMO_API_KEY } from '@tareks/hub';
import { generateCorpus, type CorpusCase } from '@tareks/scoring';
import type { ApiError, Declaration, DocumentRef, HitRateReport, InspectionView, InspectionWorkList } from '@tareks/schemas';
import { asUser, userWithRole, type DashboardLogin } from '../src/support/dashboard-users.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';
import { decisionOf } from '../src/support/decisions.js';

const key = { 'x-api-key': DEMO_API_KEY };

let hub: TestHub;
let corpusDir: string;
let corpus: CorpusCase;
let inspector: DashboardLogin;
let analyst: DashboardLogin;
let operator: DashboardLogin;
let declaration: Declaration;
let invoice: DocumentRef;

const get = (path: string, login?: DashboardLogin) => fetch(`${hub.url}${path}`, { headers: login ? { cookie: login.cookie } : {} });
const code = async (res: Response): Promise<string> => ((await res.json()) as ApiError).error.code;

beforeAll(async () => {
  corpusDir = await mkdtemp(join(tmpdir(), 'tareks-inspection-'));
  corpus = (await generateCorpus({ outDir: corpusDir, cases: 1, seed: 2027 })).cases[0]!;
  hub = await startTestHub(
    { TAREKS_ROLES: 'api,orchestrator,score-worker,ocr-worker,projector,learning,warehouse', OCR_POOL_SIZE: '1', OCR_MODEL: 'fast' },
    { enrichmentSteps: [] },
  );
  [inspector, analyst, operator] = [await userWithRole(hub.url!, 'inspector'), await userWithRole(hub.url!, 'analyst'), await userWithRole(hub.url!, 'operator')];
  const id = `26341300IM${String(Date.now()).slice(-6)}`;
  const pdf = corpus.documents.find((d) => d.type === 'INVOICE' && !d.scanned && d.mediaType === 'application/pdf')!;
  const res = await fetch(`${hub.url}/v1/declarations/${id}/documents?type=INVOICE&fileName=fatura.pdf`, {
    method: 'POST', headers: { ...key, 'content-type': 'application/pdf' }, body: await readFile(join(corpusDir, pdf.file)),
  });
  expect(res.status).toBe(201);
  invoice = (await res.json()) as DocumentRef;
  // Origin CN and a first-time trader put every item over the cold YELLOW threshold; the invoice still matches.
  declaration = {
    ...corpus.declaration, id, submittedAt: new Date().toISOString(), documents: [invoice],
    items: corpus.declaration.items.map((i) => ({ ...i, originCountry: 'CN' })),
  };
  const submitted = await fetch(`${hub.url}/v1/declarations`, { method: 'POST', headers: { ...key, 'content-type': 'application/json' }, body: JSON.stringify(declaration) });
  expect(submitted.status).toBe(202);
  const decision = await decisionOf(hub.url!, id);
  expect(decision.items.some((i) => i.lane !== 'GREEN')).toBe(true);
}, 180_000);

afterAll(async () => {
  await hub?.dispose();
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

describe('inspection API', () => {
  it('refuses callers without a session or without the inspector/admin role', async () => {
    expect((await get('/v1/inspection/items')).status).toBe(401);
    const asOperator = await get('/v1/inspection/items', operator);
    expect(asOperator.status).toBe(403);
    expect(await code(asOperator)).toBe('HUB_ERR_ROLE_DENIED');
    expect((await get(`/v1/inspection/declarations/${declaration.id}/versions/1`, analyst)).status).toBe(403);
  });

  it('validates ids with coded 400s', async () => {
    for (const path of ['/v1/inspection/declarations/not-an-id/versions/1', `/v1/inspection/declarations/${declaration.id}/versions/0`, '/v1/inspection/items?office=ABC', '/v1/inspection/documents/xyz/pages/1.png?declarationId=26341300IM000001&version=1']) {
      const res = await get(path, inspector);
      expect(res.status, path).toBe(400);
      expect(await code(res)).toBe('HUB_ERR_VALIDATION');
    }
    const unknown = await get('/v1/inspection/declarations/26341300IM999999/versions/1', inspector);
    expect(unknown.status).toBe(404);
    expect(await code(unknown)).toBe('HUB_ERR_INSPECTION_NOT_FOUND');
  });

  it('lists the waiting items of the declaration, newest first, filtered by office', async () => {
    let list: InspectionWorkList | null = null;
    await expect.poll(async () => {
      list = (await (await get(`/v1/inspection/items?office=${declaration.customsOffice}`, inspector)).json()) as InspectionWorkList;
      return list.items.filter((i) => i.declarationId === declaration.id).length;
    }, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(list!.offices).toContain(declaration.customsOffice);
    for (const item of list!.items) expect(['YELLOW', 'RED']).toContain(item.lane);
    const other = (await (await get('/v1/inspection/items?office=999999', inspector)).json()) as InspectionWorkList;
    expect(other.items).toEqual([]);
  });

  it('serves the declaration with its decision, the stored extraction with word boxes, and the recomputed matching', async () => {
    const res = await get(`/v1/inspection/declarations/${declaration.id}/versions/1`, inspector);
    expect(res.status).toBe(200);
    const view = (await res.json()) as InspectionView;
    expect(view.declaration.items.map((i) => i.description)).toEqual(declaration.items.map((i) => i.description));
    expect(view.decision.declarationId).toBe(declaration.id);
    expect(view.inspectionItems.length).toBeGreaterThan(0);
    const [doc] = view.documents;
    expect(doc!.status).toBe('READ');
    expect(doc!.pageCount).toBeGreaterThan(0);
    const words = doc!.extraction!.pages[0]!.words;
    expect(words.length).toBeGreaterThan(20);
    expect(words[0]!.box.x1).toBeGreaterThan(words[0]!.box.x0);
    expect(view.findings!.items.filter((i) => i.matched).length).toBe(declaration.items.length);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('renders a page of an attached document as a cacheable PNG, and nothing else', async () => {
    const path = (sha: string, page: number) => `/v1/inspection/documents/${sha}/pages/${page}.png?declarationId=${declaration.id}&version=1`;
    const res = await get(path(invoice.sha256, 1), inspector);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toContain('immutable');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta.format).toBe('png');
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1800);

    const beyond = await get(path(invoice.sha256, 99), inspector);
    expect(beyond.status).toBe(404);
    expect(await code(beyond)).toBe('HUB_ERR_INSPECTION_PAGE_NOT_FOUND');
    const foreign = await get(path('a'.repeat(64), 1), inspector);
    expect(foreign.status).toBe(404);
    expect(await code(foreign)).toBe('HUB_ERR_INSPECTION_DOCUMENT_NOT_ATTACHED');
  });

  it('records an outcome with the session and its CSRF token (not without it), and the report counts it', async () => {
    const view = (await (await get(`/v1/inspection/declarations/${declaration.id}/versions/1`, inspector)).json()) as InspectionView;
    const itemNo = view.inspectionItems[0]!;
    const outcome = {
      declarationId: declaration.id, version: 1, itemNo, inspector: inspector.username, result: 'NON_COMPLIANT',
      findings: [{ code: 'INSPECTION_FINDING', text: 'Etiket eksik' }], inspectedAt: new Date().toISOString(),
    };
    const noCsrf = await fetch(`${hub.url}/v1/outcomes`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: inspector.cookie }, body: JSON.stringify(outcome) });
    expect(noCsrf.status).toBe(403);
    expect(await code(noCsrf)).toBe('HUB_ERR_CSRF_INVALID');
    const asAnalyst = await fetch(`${hub.url}/v1/outcomes`, { method: 'POST', headers: asUser(analyst), body: JSON.stringify(outcome) });
    expect(asAnalyst.status).toBe(403);
    const res = await fetch(`${hub.url}/v1/outcomes`, { method: 'POST', headers: asUser(inspector), body: JSON.stringify(outcome) });
    expect(res.status).toBe(202);

    // The item leaves the work list and the view shows its result once the outcome is projected.
    await expect.poll(async () => {
      const list = (await (await get('/v1/inspection/items', inspector)).json()) as InspectionWorkList;
      return list.items.some((i) => i.declarationId === declaration.id && i.itemNo === itemNo);
    }, { timeout: 30_000 }).toBe(false);
    await expect.poll(async () => {
      const v = (await (await get(`/v1/inspection/declarations/${declaration.id}/versions/1`, inspector)).json()) as InspectionView;
      return v.outcomes.find((o) => o.itemNo === itemNo)?.result;
    }, { timeout: 30_000 }).toBe('NON_COMPLIANT');
    await expect.poll(async () => {
      const report = (await (await get('/v1/reports/hit-rate', analyst)).json()) as HitRateReport;
      return report.rows.reduce((a, r) => a + r.nonCompliant, 0);
    }, { timeout: 30_000 }).toBe(1);
  });
});
