import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_API_KEY } from '@tareks/hub';
import { generateCorpus, type CorpusCase } from '@tareks/scoring';
import type { Declaration, DocumentRef, HitRateReport } from '@tareks/schemas';
import { ARTIFACTS_DIR, launchChromium } from '../src/support/browser.js';
import { signInPage, userWithRole, type DashboardLogin } from '../src/support/dashboard-users.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';
import { decisionOf } from '../src/support/decisions.js';

const key = { 'x-api-key': DEMO_API_KEY };

let hub: TestHub;
let browser: Browser;
let corpusDir: string;
let corpus: CorpusCase;
let inspector: DashboardLogin;
let analyst: DashboardLogin;
let declaration: Declaration;

beforeAll(async () => {
  corpusDir = await mkdtemp(join(tmpdir(), 'tareks-inspector-ui-'));
  corpus = (await generateCorpus({ outDir: corpusDir, cases: 1, seed: 2028 })).cases[0]!;
  hub = await startTestHub(
    { TAREKS_ROLES: 'api,orchestrator,score-worker,ocr-worker,projector,learning,warehouse', OCR_POOL_SIZE: '1', OCR_MODEL: 'fast' },
    { enrichmentSteps: [] },
  );
  browser = await launchChromium();
  inspector = await userWithRole(hub.url!, 'inspector');
  analyst = await userWithRole(hub.url!, 'analyst');

  const id = `26341300IM${String(Date.now()).slice(-6)}`;
  const pdf = corpus.documents.find((d) => d.type === 'INVOICE' && !d.scanned && d.mediaType === 'application/pdf')!;
  const res = await fetch(`${hub.url}/v1/declarations/${id}/documents?type=INVOICE&fileName=fatura.pdf`, {
    method: 'POST', headers: { ...key, 'content-type': 'application/pdf' }, body: await readFile(join(corpusDir, pdf.file)),
  });
  expect(res.status).toBe(201);
  const invoice = (await res.json()) as DocumentRef;
  // Origin CN and a first-time trader put the items over the cold YELLOW threshold; the first item's quantity is
  // tripled so the matching table has a discrepancy to show.
  declaration = {
    ...corpus.declaration, id, submittedAt: new Date().toISOString(), documents: [invoice],
    items: corpus.declaration.items.map((i, n) => ({ ...i, originCountry: 'CN', ...(n === 0 ? { quantity: i.quantity * 3 } : {}) })),
  };
  const submitted = await fetch(`${hub.url}/v1/declarations`, { method: 'POST', headers: { ...key, 'content-type': 'application/json' }, body: JSON.stringify(declaration) });
  expect(submitted.status).toBe(202);
  const decision = await decisionOf(hub.url!, id);
  expect(decision.items.some((i) => i.lane !== 'GREEN')).toBe(true);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

describe('inspector screen', () => {
  it('shows the work list, the page with highlighted fields and the matching, and records an outcome the report counts', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signInPage(page, hub.url!, inspector);
    await page.goto(`${hub.url}/inspector`);

    const row = page.locator(`tr[data-declaration="${declaration.id}"]`).first();
    await expect.poll(async () => {
      if (await row.count()) return true;
      await page.getByRole('button', { name: /Yenile|Refresh/ }).click();
      return false;
    }, { timeout: 30_000, interval: 1_000 }).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'inspector-worklist.png'), fullPage: true });

    await row.getByRole('button', { name: /Aç|Open/ }).click();
    await page.locator('#declaration-title').waitFor({ timeout: 30_000 });
    expect(await page.locator('#declaration-title').textContent()).toContain(declaration.id);

    // The page image loads (rendered server-side) and the fields read are framed on it.
    const img = page.locator('article.document img').first();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth), { timeout: 30_000 }).toBeGreaterThan(100);
    expect(await page.locator('article.document svg rect.field').count()).toBeGreaterThan(3);

    // The matching table: every item matched to a line, the tripled quantity shown as a discrepancy.
    const match = page.locator('table.match');
    await match.waitFor();
    expect(await match.locator('tbody tr').count()).toBe(declaration.items.length);
    expect(await match.locator(`tr[data-item="${declaration.items[0]!.itemNo}"] .discrepancy`).first().textContent()).toMatch(/quantity/);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'inspector-declaration.png'), fullPage: true });

    const form = page.locator('form.outcome').first();
    const itemNo = Number(await form.getAttribute('data-item'));
    await form.getByLabel(/Uygun değil|Non-compliant/).check();
    await form.getByLabel(/^Bulgu|^Finding/).fill('Miktar faturadakinin üç katı; etiket eksik.');
    await form.getByRole('button', { name: /Sonucu kaydet|Record result/ }).click();
    await expect.poll(() => form.locator('[role="status"]').textContent(), { timeout: 15_000 }).toMatch(/kaydedildi|recorded/);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'inspector-outcome.png'), fullPage: true });

    // An analyst's report counts the non-compliance found (the warehouse projects the outcome).
    await expect.poll(async () => {
      const report = (await (await fetch(`${hub.url}/v1/reports/hit-rate`, { headers: { cookie: analyst.cookie } })).json()) as HitRateReport;
      return report.rows.reduce((a, r) => a + r.nonCompliant, 0);
    }, { timeout: 30_000 }).toBe(1);
    // And the item has left the work list.
    await expect.poll(async () => {
      const res = await fetch(`${hub.url}/v1/inspection/items`, { headers: { cookie: inspector.cookie } });
      const list = (await res.json()) as { items: Array<{ declarationId: string; itemNo: number }> };
      return list.items.some((i) => i.declarationId === declaration.id && i.itemNo === itemNo);
    }, { timeout: 30_000 }).toBe(false);
    await page.close();
  });
});
