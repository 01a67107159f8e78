import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_API_KEY } from '@tareks/hub';
import { ARTIFACTS_DIR, launchChromium } from '../src/support/browser.js';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, TEST_ADMIN, type TestHub } from '../src/support/running-hub.js';

let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

describe('live flow page', () => {
  it('refuses the live socket without a session', async () => {
    const { io } = await import('socket.io-client');
    const socket = io(hub.url!, { transports: ['websocket'], reconnection: false });
    const error = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
    socket.close();
    expect(error.message).toMatch(/sign in/);
  });

  it('shows a decision row for a declaration submitted over REST', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(hub.url!);
    await page.waitForURL('**/login');
    await page.locator('input[name="username"]').fill(TEST_ADMIN.username);
    await page.locator('input[name="password"]').fill(TEST_ADMIN.password);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'login.png') });
    await page.locator('button[type="submit"]').click();
    await page.getByText(/Bağlı|Connected/).first().waitFor({ timeout: 30_000 });

    const decl = sampleDeclaration();
    const res = await fetch(`${hub.url}/v1/declarations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY },
      body: JSON.stringify(decl),
    });
    expect(res.status).toBe(202);

    const row = page.locator(`[data-testid="decision-row"][data-declaration-id="${decl.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(['GREEN', 'YELLOW', 'RED']).toContain(await row.getAttribute('data-lane'));
    await expect.poll(() => row.textContent()).toContain('341300');
    await page.locator('.u-over').nth(1).waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'live-flow.png'), fullPage: true });

    const lane = (await row.getAttribute('data-lane'))!;
    await page.locator('select[name="lane"]').selectOption(lane === 'GREEN' ? 'RED' : 'GREEN');
    await row.waitFor({ state: 'detached' });
    await page.locator('select[name="lane"]').selectOption('');
    await page.locator('select[name="office"]').selectOption(decl.customsOffice);
    const res2 = await fetch(`${hub.url}/v1/declarations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY },
      body: JSON.stringify({ ...decl, version: 2 }),
    });
    expect(res2.status).toBe(202);
    await row.waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="decision-row"]').count()).toBe(1);
  });
});
