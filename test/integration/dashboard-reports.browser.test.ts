import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { DEMO_API_KEY } from '@tareks/hub';
import type { Decision, InspectionOutcome } from '@tareks/schemas';
import { ARTIFACTS_DIR, launchChromium } from '../src/support/browser.js';
import { asUser, signInPage, userWithRole, type DashboardLogin } from '../src/support/dashboard-users.js';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

let hub: TestHub;
let browser: Browser;
let analyst: DashboardLogin;
let operator: DashboardLogin;
let decided: Decision;

/** Cell texts without the layout whitespace around them. */
const texts = async (cells: Locator): Promise<string[]> => (await cells.allTextContents()).map((t) => t.trim());

/** Real data through the hub: two declarations over REST, one outcome recorded by an inspector. */
beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchChromium();
  analyst = await userWithRole(hub.url!, 'analyst');
  operator = await userWithRole(hub.url!, 'operator');
  const inspector = await userWithRole(hub.url!, 'inspector');
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${hub.url}/v1/declarations?wait=15000`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY }, body: JSON.stringify(sampleDeclaration()),
    });
    expect(res.status).toBe(200);
    decided = ((await res.json()) as { decision: Decision }).decision;
  }
  const outcome: InspectionOutcome = {
    declarationId: decided.declarationId, version: decided.version, itemNo: 1, inspector: inspector.username, result: 'NON_COMPLIANT',
    findings: [{ code: 'CE_MARK_MISSING', text: 'CE işareti yok' }], inspectedAt: new Date().toISOString(),
  };
  const recorded = await fetch(`${hub.url}/v1/outcomes`, { method: 'POST', headers: asUser(inspector), body: JSON.stringify(outcome) });
  expect(recorded.status).toBe(202);
  await hub.warehouse!.waitCaughtUp();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

describe('reports page', () => {
  it('shows the reports with the hub’s data to an analyst and downloads a section as CSV', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signInPage(page, hub.url!, analyst);
    await page.getByRole('link', { name: 'Raporlar' }).click();
    await page.waitForURL('**/reports');

    // Two declarations of two items each, decided today.
    const volumes = page.getByTestId('report-volumes');
    await volumes.getByTestId('volume-row').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => texts(volumes.getByTestId('volume-row').locator('[data-column="items"]'))).toEqual(['4']);
    await expect.poll(() => volumes.locator('canvas').count()).toBeGreaterThan(0);

    // The inspector's outcome counts under the cause the item was selected by.
    const cause = decided.items[0]!.selectionCause;
    const hitRow = page.getByTestId('hit-rate-row').and(page.locator(`[data-key="${cause}"]`));
    await expect.poll(() => texts(hitRow.locator('[data-column="inspected"]')), { timeout: 30_000 }).toEqual(['1']);
    await expect.poll(() => texts(hitRow.locator('[data-column="nonCompliant"]'))).toEqual(['1']);
    await expect.poll(() => page.getByTestId('traders-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('products-row').count()).toBe(2);
    await expect.poll(() => page.getByTestId('inspection-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('model-performance-row').count()).toBeGreaterThan(0);

    // Group by lane: the keys are the lanes the items went to.
    await volumes.getByRole('combobox').selectOption('lane');
    await expect.poll(async () => (await volumes.getByTestId('volume-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')))).every((k) => ['GREEN', 'YELLOW', 'RED'].includes(k!))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reports.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-hit-rate-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header).toBe('selectionCause,selected,inspected,nonCompliant,hitRate');
    expect(rows.find((r) => r.startsWith(`${cause},`))).toMatch(/,1,1,1$/);
    expect(download.suggestedFilename()).toMatch(/^hit-rate_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);

    // A range before anything happened answers empty tables, not errors; the range goes into the address.
    await page.getByLabel('Başlangıç').fill('2020-01-01');
    await page.getByLabel('Bitiş').fill('2020-01-31');
    await page.getByRole('button', { name: 'Uygula' }).click();
    await page.waitForURL(/from=2020-01-01&to=2020-01-31/);
    await expect.poll(() => page.getByTestId('hit-rate-row').count()).toBe(0);
    await context.close();
  });

  it('refuses an operator: 403 from the hub and no menu entry', async () => {
    for (const path of ['/v1/reports/volumes', '/v1/reports/hit-rate?format=csv', '/v1/reports/risk-map']) {
      const res = await fetch(`${hub.url}${path}`, { headers: { cookie: operator.cookie } });
      expect(res.status, path).toBe(403);
    }
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signInPage(page, hub.url!, operator);
    await page.getByRole('link', { name: 'Canlı akış' }).waitFor();
    expect(await page.getByRole('link', { name: 'Raporlar' }).count()).toBe(0);
    await page.goto(`${hub.url}/reports`);
    await expect.poll(() => page.getByTestId('report-volumes').getByRole('alert').textContent(), { timeout: 30_000 }).toContain('yetkiniz yok');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reports-operator.png'), fullPage: true });
    await page.close();
  });
});
