import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURE_COUNT, ModelSlot, type ServedModel } from '@tareks/scoring';
import { served, smallModel } from './model-fixture.js';

let a: ServedModel;
let b: ServedModel;
beforeAll(async () => {
  const model = smallModel(3, 10);
  a = await served('m-20260101000000-aaaaaa', model);
  b = await served('m-20260102000000-bbbbbb', model);
});
afterAll(async () => {
  await b.scorer.close();
});

describe('ModelSlot hot swap', () => {
  it('a job keeps the pair it leased across a swap; new jobs get the new pair', async () => {
    const slot = new ModelSlot();
    expect(slot.acquire().pair.champion).toBeNull();
    slot.swap({ champion: a, shadow: null });
    const lease = slot.acquire();
    slot.swap({ champion: b, shadow: null });
    expect(lease.pair.champion!.version).toBe(a.version);
    // the replaced session still serves the job that holds it
    expect(await lease.pair.champion!.scorer.scoreOne(new Float32Array(FEATURE_COUNT))).toBeGreaterThan(0);
    const next = slot.acquire();
    expect(next.pair.champion!.version).toBe(b.version);
    next.release();
    lease.release();
    lease.release();
    expect(slot.current.champion!.version).toBe(b.version);
  });
});
