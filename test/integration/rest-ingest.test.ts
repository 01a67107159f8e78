import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeclarationState, Receipt } from '@tareks/schemas';
import { DEMO_API_KEY } from '@tareks/hub';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

let hub: TestHub;
const headers = { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY };

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.dispose();
});

async function post(body: unknown, query = '', h: Record<string, string> = headers) {
  const res = await fetch(`${hub.url}/v1/declarations${query}`, { method: 'POST', headers: h, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function pollDecided(id: string): Promise<DeclarationState> {
  for (;;) {
    const res = await fetch(`${hub.url}/v1/declarations/${id}`, { headers });
    if (res.status === 200) {
      const state = (await res.json()) as DeclarationState;
      if (state.status === 'DECIDED') return state;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('REST ingest → decision', () => {
  it('accepts with 202 and a receipt, then the status shows the decision', async () => {
    const decl = sampleDeclaration();
    const { status, body } = await post(decl);
    expect(status).toBe(202);
    const receipt = body as unknown as Receipt;
    expect(receipt).toMatchObject({ id: decl.id, version: 1, status: 'RECEIVED', duplicate: false, statusUrl: `/v1/declarations/${decl.id}` });
    const state = await pollDecided(decl.id);
    expect(state.decision?.items.map((i) => i.itemNo)).toEqual([1, 2]);
    expect(['GREEN', 'YELLOW', 'RED']).toContain(state.decision?.lane);
    expect(state.decision?.modelVersion).toMatch(/^rules-/);
  });

  it('answers 200 with the decision when asked to wait', async () => {
    const decl = sampleDeclaration();
    const { status, body } = await post(decl, '?wait=10000');
    expect(status).toBe(200);
    expect(body.decision).toMatchObject({ declarationId: decl.id, version: 1 });
    expect((body.receipt as Receipt).status).toBe('DECIDED');
  });

  it('returns the same receipt for the same id and version and decides once', async () => {
    const decl = sampleDeclaration();
    const first = await post(decl, '?wait=10000');
    const again = await post(decl, '?wait=10000');
    expect(again.status).toBe(200);
    expect((again.body.receipt as Receipt).duplicate).toBe(true);
    expect((again.body.receipt as Receipt).receivedAt).toBe((first.body.receipt as Receipt).receivedAt);
    expect(again.body.decision).toEqual(first.body.decision);
  });

  it('lets a higher version supersede and refuses an older one', async () => {
    const decl = sampleDeclaration();
    await post(decl, '?wait=10000');
    const v2 = await post({ ...decl, version: 2 }, '?wait=10000');
    expect(v2.status).toBe(200);
    expect((v2.body.decision as { version: number }).version).toBe(2);
    const stale = await post(decl);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'HUB_ERR_STALE_VERSION' } });
  });
});
