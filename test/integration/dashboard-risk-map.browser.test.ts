import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_API_KEY } from '@tareks/hub';
import type { Decision, InspectionOutcome, RiskMapItemsReport } from '@tareks/schemas';
import { ARTIFACTS_DIR, launchChromium } from '../src/support/browser.js';
import { asUser, signInPage, userWithRole, type DashboardLogin } from '../src/support/dashboard-users.js';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

let hub: TestHub;
let browser: Browser;
let inspector: DashboardLogin;
let operator: DashboardLogin;
const decided: Decision[] = [];

/** Three declarations (toys from CN, grills from DE) over REST; one toy found non-compliant by an inspector. */
beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchChromium();
  inspector = await userWithRole(hub.url!, 'inspector');
  operator = await userWithRole(hub.url!, 'operator');
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${hub.url}/v1/declarations?wait=15000`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY }, body: JSON.stringify(sampleDeclaration()),
    });
    expect(res.status).toBe(200);
    decided.push(((await res.json()) as { decision: Decision }).decision);
  }
  const outcome: InspectionOutcome = {
    declarationId: decided[0]!.declarationId, version: 1, itemNo: 1, inspector: inspector.username, result: 'NON_COMPLIANT',
    findings: [{ code: 'CE_MARK_MISSING', text: 'CE işareti yok' }], inspectedAt: new Date().toISOString(),
  };
  expect((await fetch(`${hub.url}/v1/outcomes`, { method: 'POST', headers: asUser(inspector), body: JSON.stringify(outcome) })).status).toBe(202);
  await hub.warehouse!.waitCaughtUp();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

describe('risk map page', () => {
  it('shows the heatmap and the world map to an inspector and lists the items behind a cell and a country', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signInPage(page, hub.url!, inspector);
    await page.getByRole('link', { name: 'Risk haritası' }).click();
    await page.waitForURL('**/risk-map');

    const toys = page.locator('[data-testid="heat-cell"][data-chapter="95"][data-origin="CN"]');
    await toys.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('heat-cell').count()).toBe(2);
    expect(await toys.getAttribute('aria-label')).toMatch(/3 kalem.*1 denetim.*%100/);
    // Only countries with items are interactive on the map: China and Germany.
    const countries = page.locator('[data-testid="country"]');
    await expect.poll(() => countries.evaluateAll((els) => els.map((e) => e.getAttribute('data-origin')).sort())).toEqual(['CN', 'DE']);
    expect(await page.locator('[data-testid="world-map"] path').count()).toBeGreaterThan(150);

    // Colour by non-compliance: Germany has no inspection, so its cell has no value.
    await page.getByLabel('Bulunan uygunsuzluk oranı').check();
    await expect.poll(() => page.locator('[data-testid="heat-cell"][data-origin="DE"]').textContent()).toBe('—');
    await expect.poll(() => toys.textContent()).toContain('%100');

    await toys.click();
    const rows = page.getByTestId('risk-item-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    const links = await page.getByTestId('risk-item-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.sort()).toEqual(decided.map((d) => `/declaration?id=${d.declarationId}`).sort());
    await expect.poll(() => page.getByTestId('risk-items').textContent()).toContain('Uygunsuz');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'risk-map.png'), fullPage: true });

    // Keyboard on the world map: Germany lists its three grills.
    await page.locator('[data-testid="country"][data-origin="DE"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('risk-item-row').locator('[data-column="gtip"]').allTextContents()).toEqual(['851660100000', '851660100000', '851660100000']);
    await page.close();
  });

  it('serves the click-through with filters, paging and CSV; inspectors yes, operators no', async () => {
    const get = (path: string, who: DashboardLogin) => fetch(`${hub.url}${path}`, { headers: { cookie: who.cookie } });
    const first = (await (await get('/v1/reports/risk-map/items?origin=CN&chapter=95&limit=2', inspector)).json()) as RiskMapItemsReport;
    expect(first).toMatchObject({ total: 3, limit: 2, offset: 0, chapter: '95', origin: 'CN' });
    expect(first.rows).toHaveLength(2);
    expect(first.rows.every((r) => r.gtip === '950300700000' && r.origin === 'CN' && r.traderName === 'Anadolu Oyuncak İthalat A.Ş.')).toBe(true);
    const second = (await (await get('/v1/reports/risk-map/items?origin=CN&chapter=95&limit=2&offset=2', inspector)).json()) as RiskMapItemsReport;
    expect(second.rows).toHaveLength(1);
    const all = [...first.rows, ...second.rows];
    expect(all.find((r) => r.declarationId === decided[0]!.declarationId)?.outcome).toBe('NON_COMPLIANT');
    expect(new Set(all.map((r) => r.declarationId)).size).toBe(3);
    expect(all.every((r) => !Number.isNaN(Date.parse(r.decidedAt)))).toBe(true);

    const csv = await get('/v1/reports/risk-map/items?origin=DE&format=csv', inspector);
    expect(csv.status).toBe(200);
    expect((await csv.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(
      'declarationId,version,itemNo,gtip,origin,customsOffice,traderTaxId,traderName,score,lane,selectionCause,outcome,decidedAt',
    );

    const bad = await get('/v1/reports/risk-map/items?chapter=9', inspector);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBeTruthy();
    expect((await get('/v1/reports/risk-map', inspector)).status).toBe(200);
    // The inspector reaches the risk map only, not the BI reports.
    expect((await get('/v1/reports/volumes', inspector)).status).toBe(403);
    expect((await get('/v1/reports/risk-map/items?origin=CN', operator)).status).toBe(403);
    expect((await get('/v1/reports/risk-map', operator)).status).toBe(403);

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signInPage(page, hub.url!, operator);
    await page.getByRole('link', { name: 'Canlı akış' }).waitFor();
    expect(await page.getByRole('link', { name: 'Risk haritası' }).count()).toBe(0);
    await page.close();
  });
});
