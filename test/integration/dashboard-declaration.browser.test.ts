import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_API_KEY } from '@tareks/hub';
import type { DecidedSubmission, Decision, DeclarationTimeline } from '@tareks/schemas';
import { ARTIFACTS_DIR, launchChromium } from '../src/support/browser.js';
import { startCallbackReceiver, type CallbackReceiver } from '../src/support/callback-receiver.js';
import { signInPage, userWithRole, type DashboardLogin } from '../src/support/dashboard-users.js';
import { declarationId, sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

const SECRET = 'declaration-page-webhook-secret-0123456789';
let hub: TestHub;
let browser: Browser;
let receiver: CallbackReceiver;
let operator: DashboardLogin;
let customsKey: string;

beforeAll(async () => {
  hub = await startTestHub({ NOTIFY_BACKOFF_MS: '50' });
  browser = await launchChromium();
  receiver = await startCallbackReceiver({ secret: SECRET });
  customsKey = await hub.apiKeys.create('customs-timeline', ['declarations:write', 'declarations:read'], undefined, { kind: 'webhook', url: receiver.webhookUrl, secret: SECRET });
  operator = await userWithRole(hub.url!, 'operator');
});

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await hub?.dispose();
});

async function submitAndWait(key: string): Promise<Decision> {
  const d = sampleDeclaration();
  const res = await fetch(`${hub.url}/v1/declarations?wait=10000`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(d) });
  expect(res.status).toBe(200);
  return ((await res.json()) as DecidedSubmission).decision;
}

const timelineOf = async (id: string, login: DashboardLogin | null = operator) =>
  fetch(`${hub.url}/v1/timeline/${id}`, { headers: login ? { cookie: login.cookie } : {} });

async function openAs(login: DashboardLogin, path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await signInPage(page, hub.url!, login);
  await page.goto(`${hub.url}${path}`);
  return page;
}

describe('declaration page', () => {
  it('shows received → enriched → scored → decided → callback delivered, the items with reasons and the model version', async () => {
    const decision = await submitAndWait(customsKey);
    const id = decision.declarationId;
    await expect.poll(() => receiver.accepted.some((n) => n.declarationId === id), { timeout: 30_000 }).toBe(true);
    // The timeline is appended without waiting for an ack: wait until the callback's event is readable.
    await expect.poll(async () => ((await (await timelineOf(id)).json()) as DeclarationTimeline).events.some((e) => e.stage === 'CALLBACK'), { timeout: 30_000 }).toBe(true);
    expect((await timelineOf(id, null)).status).toBe(401);

    const page = await openAs(operator, `/declaration?id=${id}`);
    const events = page.locator('[data-testid="timeline-event"]');
    await page.locator('[data-testid="timeline-event"][data-stage="CALLBACK"]').waitFor({ timeout: 30_000 });
    const stages = await events.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-stage')}${el.getAttribute('data-derived') === 'true' ? '*' : ''}`));
    // Recorded by the stages themselves (none reconstructed from the decision), in this order.
    expect(stages).toEqual(['RECEIVED', 'ENRICHED', 'SCORED', 'DECIDED', 'CALLBACK']);
    await expect.poll(() => page.locator('[data-stage="CALLBACK"]').getAttribute('data-outcome')).toBe('DELIVERED');
    await expect.poll(() => page.locator('[data-stage="DECIDED"]').textContent()).toMatch(/YEŞİL|SARI|KIRMIZI/);
    expect(await page.locator('[data-stage="ENRICHED"] [data-registry]').count()).toBeGreaterThan(0);

    const items = page.locator('[data-testid="decision-item"]');
    expect(await items.count()).toBe(decision.items.length);
    for (const item of decision.items) {
      const row = page.locator(`[data-testid="decision-item"][data-item-no="${item.itemNo}"]`);
      expect(await row.getAttribute('data-lane')).toBe(item.lane);
      expect(await row.locator('[data-reason]').count()).toBe(item.reasons.length);
      for (const reason of item.reasons) expect(await row.textContent()).toContain(reason.text.tr);
    }
    expect(decision.items.some((i) => i.reasons.length)).toBe(true);
    expect((await page.locator('[data-testid="model-version"]').textContent())?.trim()).toBe(decision.modelVersion);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'declaration.png'), fullPage: true });

    await page.locator('.language-switch button[lang="en"]').click();
    const withReason = decision.items.find((i) => i.reasons.length)!;
    await expect.poll(() => page.locator(`[data-testid="decision-item"][data-item-no="${withReason.itemNo}"]`).textContent()).toContain(withReason.reasons[0]!.text.en);
    await expect.poll(() => page.locator('[data-stage="CALLBACK"]').textContent()).toContain('delivered');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'declaration-en.png'), fullPage: true });
    await page.locator('.language-switch button[lang="tr"]').click();
    await page.close();
  });

  it('opens from the live flow table and answers an unknown or malformed number', async () => {
    const page = await openAs(operator, '/');
    await page.getByText(/Bağlı|Connected/).first().waitFor({ timeout: 30_000 });
    const decision = await submitAndWait(DEMO_API_KEY);
    const link = page.locator(`[data-testid="decision-row"][data-declaration-id="${decision.declarationId}"] a`);
    await link.click({ timeout: 30_000 });
    await page.waitForURL(`**/declaration?id=${decision.declarationId}`);
    await page.locator('[data-testid="timeline-event"][data-stage="DECIDED"]').waitFor({ timeout: 30_000 });

    const unknown = declarationId();
    await page.locator('#declaration-id').fill(unknown);
    await page.locator('form[role="search"] button[type="submit"]').click();
    await page.waitForURL(`**/declaration?id=${unknown}`);
    await page.locator('[data-testid="declaration-not-found"]').waitFor({ timeout: 30_000 });

    await page.locator('#declaration-id').fill('26-BAD');
    await page.locator('form[role="search"] button[type="submit"]').click();
    await expect.poll(() => page.locator('#declaration-id').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').textContent()).toMatch(/16 karakter/);
    await page.close();
  });
});
