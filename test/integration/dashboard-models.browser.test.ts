import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { bootstrapDemoModel, openLearning, type Learning } from '@tareks/hub';
import type { AuditPage, ModelInfo } from '@tareks/schemas';
import { ARTIFACTS_DIR, launchChromium } from '../src/support/browser.js';
import { signInPage, userWithRole, type DashboardLogin } from '../src/support/dashboard-users.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
let hub: TestHub;
let browser: Browser;
let learning: Learning;
let admin: DashboardLogin;
let operator: DashboardLogin;
let champion: ModelInfo;
let challenger: ModelInfo;

/** A champion trained by the demo bootstrap, and a second stored version installed as the shadow (as the retrainer does). */
beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchChromium();
  admin = await userWithRole(hub.url!, 'admin');
  operator = await userWithRole(hub.url!, 'operator');
  learning = await openLearning(hub.nats, hub.names);
  champion = (await bootstrapDemoModel(learning.registry, logger, { weeks: 2, params: { rounds: 30 } }))!;
  const { gbdt } = await learning.registry.load(champion.version);
  challenger = await learning.registry.save(
    gbdt,
    { source: 'retrain', trainingWindow: { ...champion.trainingWindow, rows: 420 }, metrics: { ...champion.metrics, auc: Math.min(1, champion.metrics.auc + 0.01) } },
    new Date(Date.parse(champion.createdAt) + 60_000),
  );
  await learning.registry.updatePointers((p) => ({ ...p, shadow: challenger.version }));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hub?.nats.jsm.streams.delete(`OBJ_${hub.names.objectStore.models}`).catch(() => undefined);
  await hub?.dispose();
});

const auditOf = async (action: 'model.promote' | 'model.rollback'): Promise<AuditPage['records']> =>
  ((await (await fetch(`${hub.url}/v1/admin/audit?action=${action}`, { headers: { cookie: admin.cookie } })).json()) as AuditPage).records;

async function confirm(page: Page, reason: string): Promise<void> {
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.waitFor();
  await dialog.getByRole('textbox').fill(reason);
  await dialog.getByTestId('confirm-action').click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('models page', () => {
  it('lists the versions for an admin and promotes and rolls back through the page, both audited', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signInPage(page, hub.url!, admin);
    await page.getByRole('link', { name: 'Modeller' }).click();
    await page.waitForURL('**/models');

    const row = (version: string) => page.locator(`[data-testid="model-row"][data-version="${version}"]`);
    await row(champion.version).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('model-row').count()).toBe(2);
    expect(await row(champion.version).getAttribute('data-roles')).toBe('active');
    expect(await row(challenger.version).getAttribute('data-roles')).toBe('shadow');
    // The shadow comparison shows both versions side by side.
    const comparison = page.getByTestId('shadow-comparison');
    await expect.poll(() => comparison.textContent()).toContain(challenger.version);
    expect(await comparison.textContent()).toContain(champion.version);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'models.png'), fullPage: true });

    await row(challenger.version).getByTestId('promote').click();
    await confirm(page, 'gölge daha isabetli');
    await expect.poll(() => row(challenger.version).getAttribute('data-roles')).toBe('active');
    expect(await row(champion.version).getAttribute('data-roles')).toBe('previous');
    expect(await page.getByTestId('model-status').textContent()).toContain(challenger.version);
    expect(await learning.registry.pointers()).toMatchObject({ active: challenger.version, previous: champion.version, shadow: null });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'models-promoted.png'), fullPage: true });

    await page.getByTestId('rollback').click();
    await confirm(page, 'canlı isabet düştü');
    await expect.poll(() => row(champion.version).getAttribute('data-roles')).toBe('active');
    expect(await row(challenger.version).getAttribute('data-roles')).toBe('shadow');
    expect(await learning.registry.pointers()).toMatchObject({ active: champion.version, previous: null, shadow: challenger.version });

    const [promoted] = await auditOf('model.promote');
    expect(promoted).toMatchObject({ action: 'model.promote', target: challenger.version, result: 'OK', actor: { id: admin.username } });
    expect(promoted!.details).toMatchObject({ reason: 'gölge daha isabetli', after: { active: challenger.version } });
    const [rolledBack] = await auditOf('model.rollback');
    expect(rolledBack).toMatchObject({ action: 'model.rollback', target: champion.version, result: 'OK', actor: { id: admin.username } });
    expect(rolledBack!.details).toMatchObject({ reason: 'canlı isabet düştü' });
    await page.close();
  });

  it('refuses an operator: 403 from the hub and no menu entry', async () => {
    expect((await fetch(`${hub.url}/v1/admin/models/`, { headers: { cookie: operator.cookie } })).status).toBe(403);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signInPage(page, hub.url!, operator);
    await page.getByRole('link', { name: 'Canlı akış' }).waitFor();
    expect(await page.getByRole('link', { name: 'Modeller' }).count()).toBe(0);
    await page.goto(`${hub.url}/models`);
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 30_000 }).toContain('yetkiniz yok');
    await page.close();
  });
});
