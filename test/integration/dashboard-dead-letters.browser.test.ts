import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { DeadLetter, Declaration } from '@tareks/schemas';
import { ARTIFACTS_DIR, launchChromium } from '../src/support/browser.js';
import { asUser, signInPage, userWithRole, type DashboardLogin } from '../src/support/dashboard-users.js';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

let hub: TestHub;
let browser: Browser;
let operator: DashboardLogin;
let admin: DashboardLogin;
const poisoned: string[] = [];
const scored: Array<{ letter: DeadLetter; declaration: Declaration }> = [];
/** A GTİP only this test's score-stage dead letters carry. */
const GTIP = '950300790000';

const until = async (cond: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await cond())) await new Promise((r) => setTimeout(r, 25));
};

beforeAll(async () => {
  hub = await startTestHub({ REPLAY_RATE_PER_SECOND: '20' });
  browser = await launchChromium();
  operator = await userWithRole(hub.url!, 'operator', 'dl');
  admin = await userWithRole(hub.url!, 'admin');
  const index = hub.reliability!.deadLetters.store.index;
  // Poison messages on decl.received: the orchestrator dead-letters them (stage orchestrate, HUB_ERR_POISON_MESSAGE).
  for (let i = 0; i < 2; i++) {
    const before = index.size;
    await hub.nats.js.publish(hub.names.subjects.declReceived, `{"not":"a declaration ${i}"}`);
    await until(() => index.size > before);
    poisoned.push(index.search({ limit: 1 }).items[0]!.id);
  }
  // Score failures after the last attempt, as the score worker reports them: real declarations of office 060100.
  for (let i = 0; i < 3; i++) {
    const declaration = sampleDeclaration({ id: `${10 + i}060100IM${String(900_000 + i)}`, customsOffice: '060100' });
    declaration.items[0]!.gtip = GTIP;
    const letter = await hub.deadLetters.publish({
      stage: 'score',
      subject: `bullmq:${hub.names.queues.score}`,
      payload: Buffer.from(JSON.stringify({ declaration, clientId: 'demo-customs' })),
      code: 'HUB_ERR_SCORING_FAILED',
      message: 'model file unreadable',
      attempts: 5,
      declarationId: declaration.id,
      version: declaration.version,
      customsOffice: declaration.customsOffice,
      gtips: declaration.items.map((it) => it.gtip),
    });
    scored.push({ letter, declaration });
  }
  await until(() => scored.every(({ letter }) => index.get(letter.id)));
});

afterAll(async () => {
  await browser?.close();
  await hub?.dispose();
});

async function filterBy(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) {
    const field = page.locator(`form[role="search"] [name="${name}"]`);
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByRole('button', { name: /^(Ara|Search)$/ }).click();
}

const rows = (page: Page) => page.locator('[data-testid="dead-letter-row"]');

describe('dead-letters page', () => {
  it('lets an operator search and read dead letters, and the hub refuses the operator a replay', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInPage(page, hub.url!, operator);
    await page.goto(`${hub.url}/dead-letters`);
    await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBe(5);
    await expect.poll(() => page.locator('[data-testid="dead-letter-total"]').getAttribute('data-total')).toBe('5');

    await filterBy(page, { stage: 'orchestrate' });
    await expect.poll(() => rows(page).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id')).sort())).toEqual([...poisoned].sort());
    expect(page.url()).toContain('stage=orchestrate');

    await filterBy(page, { stage: '', office: '060100', gtip: GTIP });
    await expect.poll(() => rows(page).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id')).sort())).toEqual(scored.map((s) => s.letter.id).sort());

    await filterBy(page, { office: '', gtip: '', declarationId: scored[1]!.declaration.id });
    await expect.poll(() => rows(page).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id')))).toEqual([scored[1]!.letter.id]);

    // The operator reads, but sees no replay controls and is told why.
    await page.locator('[data-testid="read-only-note"]').waitFor();
    expect(await page.locator('[data-testid="count-matching"]').count()).toBe(0);
    await rows(page).first().getByRole('link').click();
    await page.locator(`[data-testid="dead-letter-detail"][data-id="${scored[1]!.letter.id}"]`).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid="payload"]').textContent()).toContain(scored[1]!.declaration.id);
    await page.getByText('HUB_ERR_SCORING_FAILED').first().waitFor();
    await page.locator('[data-testid="read-only-note"]').waitFor();
    expect(await page.locator('[data-testid="replay-run"]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'dead-letter-detail-operator.png'), fullPage: true });

    // Hiding the button is not the enforcement: the hub itself refuses the operator's replay, with session and CSRF.
    const direct = await fetch(`${hub.url}/v1/admin/dead-letters/${scored[1]!.letter.id}/replay`, { method: 'POST', headers: asUser(operator), body: '{}' });
    expect(direct.status).toBe(403);
    expect(((await direct.json()) as { error: { code: string } }).error.code).toBe('HUB_ERR_ROLE_DENIED');
    const batch = await fetch(`${hub.url}/v1/admin/dead-letters/replay`, { method: 'POST', headers: asUser(operator), body: JSON.stringify({ filter: {}, dryRun: true }) });
    expect(batch.status).toBe(403);
    const read = await fetch(`${hub.url}/v1/admin/dead-letters/${scored[1]!.letter.id}`, { headers: { cookie: operator.cookie } });
    expect(read.status).toBe(200);
    // The rest of the admin API stays admins only.
    expect((await fetch(`${hub.url}/v1/admin/audit`, { headers: { cookie: operator.cookie } })).status).toBe(403);
    expect((await fetch(`${hub.url}/v1/admin/clients`, { headers: { cookie: operator.cookie } })).status).toBe(403);
    expect(await hub.reliability!.deadLetters.store.history.get(scored[1]!.letter.id)).toEqual([]);
    await page.close();
  });

  it('lets an admin count a filter, replay one and an edited poison message, and shows the replay history', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInPage(page, hub.url!, admin);
    await page.goto(`${hub.url}/dead-letters?code=HUB_ERR_SCORING_FAILED&gtip=${GTIP}`);
    await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBe(3);

    await page.locator('[data-testid="count-matching"]').click();
    const message = page.locator('[data-testid="batch-message"]');
    await expect.poll(() => message.getAttribute('data-matched'), { timeout: 30_000 }).toBe('3');
    expect(await message.textContent()).toMatch(/3/);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'dead-letters.png'), fullPage: true });
    expect(await hub.states.get(scored[0]!.declaration.id)).toBeNull();

    // Replay one, as it was.
    await page.goto(`${hub.url}/dead-letters/${scored[0]!.letter.id}`);
    await page.locator('[data-testid="replay-run"]').click();
    await expect.poll(() => page.locator('[data-testid="replay-outcome"]').textContent(), { timeout: 30_000 }).toContain('ACCEPTED');
    const row = page.locator('[data-testid="replay-row"][data-result="ACCEPTED"]');
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-by')).toBe(`user:${admin.username}`);
    await until(async () => (await hub.states.get(scored[0]!.declaration.id))?.status === 'DECIDED');

    // A poison message: validation refuses a bad edit with its pointer, a corrected one replays and the change is listed.
    await page.goto(`${hub.url}/dead-letters/${poisoned[0]}`);
    await page.locator('[data-testid="edit-toggle"]').check();
    const fixed = sampleDeclaration();
    const bad = { ...fixed, items: [{ ...fixed.items[0]!, gtip: '123' }, fixed.items[1]!] };
    await page.locator('[data-testid="payload-editor"]').fill(JSON.stringify(bad, null, 2));
    await page.locator('[data-testid="replay-validate"]').click();
    const outcome = page.locator('[data-testid="replay-outcome"]');
    await expect.poll(() => outcome.getAttribute('data-ok'), { timeout: 30_000 }).toBe('false');
    expect(await outcome.textContent()).toContain('/items/0/gtip');
    await page.locator('[data-testid="payload-editor"]').fill(JSON.stringify(fixed, null, 2));
    await page.locator('[data-testid="replay-validate"]').click();
    await expect.poll(() => outcome.textContent(), { timeout: 30_000 }).toContain(fixed.id);
    expect(await hub.states.get(fixed.id)).toBeNull();
    await page.locator('[data-testid="replay-run"]').click();
    const edited = page.locator('[data-testid="replay-row"][data-result="ACCEPTED"][data-edited="true"]');
    await edited.waitFor({ timeout: 30_000 });
    expect(await edited.textContent()).toContain(fixed.id);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'dead-letter-detail-admin.png'), fullPage: true });
    await until(async () => (await hub.states.get(fixed.id))?.status === 'DECIDED');

    // The list shows which were replayed.
    await page.goto(`${hub.url}/dead-letters?replayed=true`);
    await expect.poll(() => rows(page).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id')).sort()), { timeout: 30_000 })
      .toEqual([scored[0]!.letter.id, poisoned[0]!].sort());
    await page.close();
  });
});
