import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kvm } from '@nats-io/kv';
import { FEATURE_NAMES, historyKeys, LabelHistory, LiveFeatures, type UnlabelledRow } from '@tareks/scoring';
import { LabelHistoryStore } from '../../src/history/label-history.store.js';
import { openTestNamespace, type TestNamespace } from '../warehouse/nats-namespace.js';

let t: TestNamespace;
let store: LabelHistoryStore;

const row: UnlabelledRow = {
  declarationId: '26341300IM000001', itemNo: 1, date: '2026-03-02', kind: 'IMPORT', domain: 'PRODUCT_SAFETY', customsOffice: '341300',
  traderId: '4540536920', declarantId: '17291716060', gtip: '950300700000', originCountry: 'CN', quantity: 10, unit: 'ADET',
  netMassKg: 5, valueUsd: 100, brand: 'Şirin Ayıcık', ceMarked: true, documentCount: 0,
};

beforeAll(async () => {
  t = await openTestNamespace();
  store = new LabelHistoryStore(await new Kvm(t.nc).create(t.names.kv.labelHistory, { history: 1 }), { readCacheMs: 0 });
});
afterAll(async () => {
  await t?.drop();
});

describe('label history in NATS KV', () => {
  it('counts concurrent outcomes of the same keys once each, and reads what the in-memory history would', async () => {
    const keys = historyKeys(row);
    const memory = new LabelHistory();
    const labels = [true, false, true, false, false, true, false, false];
    await Promise.all(labels.map((y) => store.addOutcome(keys, y, 2900)));
    for (const y of labels) memory.add(keys, y, 2900);
    expect(await store.read(keys)).toEqual(await memory.read(keys));

    const at = new Date(Date.UTC(1970, 0, 1 + 7 * 2901));
    const live = await new LiveFeatures(store).vectorOf(row, at);
    const offline = await new LiveFeatures(memory).vectorOf(row, at);
    expect(Array.from(live)).toEqual(Array.from(offline));
    expect(live[FEATURE_NAMES.indexOf('brand_log_count')]).toBeCloseTo(Math.log1p(labels.length), 5);
  });

  it('a late outcome of an earlier week enters the decayed counts already decayed', async () => {
    const keys = ['g4:8516'];
    await store.addOutcome(keys, true, 10);
    await store.addOutcome(keys, true, 4);
    const [t1] = (await store.read(keys)).tallies;
    expect(t1).toMatchObject({ n: 2, pos: 2, week: 10 });
    expect(t1!.dn).toBeCloseTo(1 + Math.pow(0.5, 6 / 6), 10);
  });
});
