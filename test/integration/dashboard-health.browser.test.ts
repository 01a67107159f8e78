import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Request } from 'playwright-core';
import type { MetricsSnapshot } from '@tareks/schemas';
import { ARTIFACTS_DIR, launchChromium } from '../src/support/browser.js';
import { signInPage, userWithRole, type DashboardLogin } from '../src/support/dashboard-users.js';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';
import { submitAndDecide } from '../src/support/decisions.js';

let hub: TestHub;
let browser: Browser;
let operator: DashboardLogin;

beforeAll(async () => {
  hub = await startTestHub();
  browser = await launchChromium();
  operator = await userWithRole(hub.url!, 'operator', 'health');
});
afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

const submit = (): Promise<unknown> => submitAndDecide(hub.url!, sampleDeclaration(), 10_000);

describe('health page', () => {
  it('fills from metrics.v1 on the socket, never by polling the hub', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await signInPage(page, hub.url!, operator);
    const apiCalls: string[] = [];
    page.on('request', (r: Request) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/v1/')) apiCalls.push(path);
    });
    const snapshots: MetricsSnapshot[] = [];
    page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => {
        const text = String(payload);
        if (text.startsWith('42["metrics.v1"')) snapshots.push((JSON.parse(text.slice(2)) as [string, MetricsSnapshot])[1]);
      }),
    );
    await page.goto(`${hub.url}/health`);
    await page.getByRole('heading', { level: 1, name: /Sistem sağlığı/ }).waitFor();
    // Loading the page reads the session once; from here on, everything must come over the socket.
    await expect.poll(() => apiCalls).toEqual(['/v1/session']);
    apiCalls.length = 0;

    for (let i = 0; i < 3; i++) await submit();

    const score = page.locator('[data-testid="queue-row"][data-queue="score"]');
    await score.waitFor({ timeout: 30_000 });
    for (const queue of ['ocr', 'notify', 'replay']) await page.locator(`[data-testid="queue-row"][data-queue="${queue}"]`).waitFor();
    await page.locator('[data-testid="nats-status"][data-status="up"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="redis-status"][data-status="up"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid="redis-status"]').textContent()).toMatch(/\d+\.\d+\.\d+/);
    for (const registry of ['kps', 'mersis', 'esbis']) {
      await page.locator(`[data-testid="connector-row"][data-registry="${registry}"][data-circuit="closed"]`).waitFor({ timeout: 30_000 });
    }
    const declarations = page.locator(`[data-testid="stream-row"][data-stream="${hub.names.streams.declarations}"]`);
    await declarations.waitFor({ timeout: 30_000 });
    // The stream counts the three submissions; its durable orchestrator consumer is listed beneath it.
    await expect.poll(async () => Number((await declarations.locator('td').first().textContent())?.replace(/\D/g, '')), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.locator('[data-testid="consumer-row"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // While declarations keep coming, the score queue's completion rate (last 10 s) shows above zero.
    await expect
      .poll(async () => {
        await submit();
        return score.locator('td').nth(5).textContent();
      }, { timeout: 60_000, intervals: [1_000] })
      .not.toMatch(/^0([,.]0)?$/);

    // What the page showed came over the socket: snapshots carry the new fields, and the page asked the hub nothing.
    await expect.poll(() => snapshots.length, { timeout: 30_000 }).toBeGreaterThan(2);
    const last = snapshots.at(-1)!;
    expect(last.nats).toMatchObject({ status: 'up' });
    expect(Number.isFinite(last.nats?.rttMs)).toBe(true);
    expect(last.redis).toMatchObject({ status: 'up' });
    expect(last.redis?.usedMemoryBytes).toBeGreaterThan(0);
    expect(Object.keys(last.queues).sort()).toEqual(['notify', 'ocr', 'replay', 'score']);
    expect(last.streams[hub.names.streams.declarations]?.consumers.some((c) => c.durable)).toBe(true);
    expect(apiCalls).toEqual([]);

    await page.screenshot({ path: join(ARTIFACTS_DIR, 'health-wall.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'health-laptop.png'), fullPage: true });
    await page.close();
  });

  it('refuses metrics to a role that may not see them', async () => {
    const analyst = await userWithRole(hub.url!, 'analyst', 'health');
    const { io } = await import('socket.io-client');
    const socket = io(hub.url!, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie: analyst.cookie } });
    const received: unknown[] = [];
    socket.on('metrics.v1', (s) => received.push(s));
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', resolve);
      socket.on('connect_error', reject);
    });
    // A decision reaches the analyst (decision.v1 is theirs), so the socket works; metrics never come.
    const decided = new Promise<void>((resolve) => socket.on('decision.v1', () => resolve()));
    await submit();
    await decided;
    const operatorSocket = io(hub.url!, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie: operator.cookie } });
    await new Promise<void>((resolve) => operatorSocket.on('metrics.v1', () => resolve()));
    operatorSocket.close();
    socket.close();
    expect(received).toEqual([]);
  });
});
