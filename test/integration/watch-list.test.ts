import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision, WatchListEntry } from '@tareks/schemas';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { submitAndDecide } from '../src/support/decisions.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

let hub: TestHub;
let adminKey: string;
let inspectorKey: string;

beforeAll(async () => {
  // No registry steps: the only RULE cause left is the watch list (the rule baseline decides, no model is active).
  hub = await startTestHub({ TAREKS_ROLES: 'api,orchestrator,projector,score-worker' }, { enrichmentSteps: [] });
  adminKey = await hub.apiKeys.create('ops-admin', ['admin']);
  inspectorKey = await hub.apiKeys.create('lab', ['outcomes:write']);
});
afterAll(async () => {
  await hub?.dispose();
});

const api = (path: string, init: { method?: string; key?: string; body?: unknown } = {}): Promise<Response> =>
  fetch(`${hub.url}/v1/admin/watch-list${path}`, {
    method: init.method ?? 'GET',
    headers: { ...(init.key ? { 'x-api-key': init.key } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });

const decide = (): Promise<Decision> => submitAndDecide(hub.url!, sampleDeclaration(), 20_000);

/** Cause of item 1 (brand Şirin Ayıcık, GTİP 9503…, CN) and item 2 (Grillmeister, 8516…, DE) of a fresh declaration. */
const causes = async (): Promise<string[]> => (await decide()).items.map((i) => `${i.selectionCause}:${i.reasons.map((r) => r.code).find((c) => c.startsWith('WATCH_LIST_')) ?? '-'}`);

describe('watch list: admin API and live routing', () => {
  it('an added brand routes the next matching item with cause RULE and a coded reason; removal takes it back', async () => {
    expect(await causes()).toEqual(['RISK:-', 'RISK:-']);
    const res = await api('/', { method: 'POST', key: adminKey, body: { kind: 'BRAND', value: '  şirin ayıcık ', reason: 'RAPEX: boğulma riski' } });
    expect(res.status).toBe(201);
    const entry = (await res.json()) as WatchListEntry;
    expect(entry).toMatchObject({ kind: 'BRAND', value: 'ŞİRİN AYICIK', addedBy: { kind: 'api-client', id: 'ops-admin' } });

    // Score workers follow the bucket: no restart, the change arrives within moments.
    await expect.poll(causes, { timeout: 15_000 }).toEqual(['RULE:WATCH_LIST_BRAND', 'RISK:-']);
    const d = await decide();
    expect(d.items[0]).toMatchObject({ lane: 'RED', selectionCause: 'RULE' });
    expect(d.items[0]!.reasons.find((r) => r.code === 'WATCH_LIST_BRAND')!.text.tr).toContain('RAPEX: boğulma riski');

    expect((await api(`/${entry.id}`, { method: 'DELETE', key: adminKey })).status).toBe(204);
    await expect.poll(causes, { timeout: 15_000 }).toEqual(['RISK:-', 'RISK:-']);
  });

  it('a GTİP prefix entry lists, updates and expires', async () => {
    const res = await api('/', { method: 'POST', key: adminKey, body: { kind: 'GTIP_PREFIX', value: '8516', reason: 'Elektrikli ısıtıcılar kampanyası' } });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as WatchListEntry;
    expect((await api('/', { method: 'POST', key: adminKey, body: { kind: 'GTIP_PREFIX', value: '8516', reason: 'again' } })).status).toBe(409);
    await expect.poll(causes, { timeout: 15_000 }).toEqual(['RISK:-', 'RULE:WATCH_LIST_GTIP_PREFIX']);
    const listed = (await (await api('/', { key: adminKey })).json()) as { entries: WatchListEntry[] };
    expect(listed.entries.map((e) => e.id)).toEqual([id]);

    const expired = await api(`/${id}`, { method: 'PUT', key: adminKey, body: { reason: 'kampanya bitti', until: new Date(Date.now() - 1000).toISOString() } });
    expect(expired.status).toBe(200);
    await expect.poll(causes, { timeout: 15_000 }).toEqual(['RISK:-', 'RISK:-']);

    const actions = (await hub.reliability!.audit.query({})).records.filter((r) => r.action.startsWith('watchlist.'));
    expect(actions.map((r) => [r.action, r.result])).toEqual([
      ['watchlist.add', 'OK'], ['watchlist.remove', 'OK'], ['watchlist.add', 'OK'], ['watchlist.add', 'HUB_ERR_WATCH_LIST_EXISTS'], ['watchlist.update', 'OK'],
    ]);
    expect(actions.every((r) => r.actor.id === 'ops-admin')).toBe(true);
  });

  it('refuses callers without the admin role', async () => {
    const body = { kind: 'ORIGIN', value: 'CN', reason: 'x' };
    expect((await api('/', { method: 'POST', body })).status).toBe(401);
    const forbidden = await api('/', { method: 'POST', key: inspectorKey, body });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe('HUB_ERR_ROLE_DENIED');
    expect((await api('/', { key: inspectorKey })).status).toBe(403);
  });

  it.each([
    ['a VKN with a wrong check digit', { kind: 'TRADER', value: '4540536921', reason: 'x' }, 'HUB_ERR_TAX_ID_INVALID', '/value'],
    ['an odd-length GTİP prefix', { kind: 'GTIP_PREFIX', value: '950', reason: 'x' }, 'HUB_ERR_PATTERN_MISMATCH', '/value'],
    ['an unknown country', { kind: 'ORIGIN', value: 'XX', reason: 'x' }, 'HUB_ERR_COUNTRY_INVALID', '/value'],
    ['no reason', { kind: 'ORIGIN', value: 'CN' }, 'HUB_ERR_FIELD_REQUIRED', '/reason'],
    ['an unknown kind', { kind: 'SHIP', value: 'X', reason: 'x' }, 'HUB_ERR_VALUE_NOT_ALLOWED', '/kind'],
  ])('answers %s with 400, a code and a pointer', async (_name, body, code, pointer) => {
    const res = await api('/', { method: 'POST', key: adminKey, body });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; details: { code: string; pointer: string }[] } };
    expect(error.code).toBe(code);
    expect(error.details.map((d) => d.pointer)).toEqual([pointer]);
  });
});
