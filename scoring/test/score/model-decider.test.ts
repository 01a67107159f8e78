import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decideWithModel, FEATURE_COUNT, LaneRouter, LiveVectors, loadRuleConfig, ModelError, NO_HISTORY, USD_PER_UNIT, EMPTY_WATCH_LIST, WatchList,
  trainGbdt, type ServedModel,
} from '@tareks/scoring';
import { declarations, jobOf, served, smallModel } from './model-fixture.js';

const rules = loadRuleConfig();
let champion: ServedModel;
let shadow: ServedModel;

beforeAll(async () => {
  champion = await served('m-20260101000000-aaaaaa', smallModel(3));
  shadow = await served('m-20260102000000-bbbbbb', smallModel(4, 20));
});
afterAll(async () => {
  await champion.scorer.close();
  await shadow.scorer.close();
});

const never = (): number => 0.99;

async function decide(o: { flags?: string[]; random?: () => number; watchTrader?: boolean; pair?: { champion: ServedModel; shadow: ServedModel | null } } = {}) {
  const d = declarations(1, 11)[0]!;
  const at = new Date();
  return {
    d,
    made: await decideWithModel({
      job: jobOf(d, o.flags),
      trader: NO_HISTORY,
      pair: o.pair ?? { champion, shadow },
      router: new LaneRouter({}, o.random ?? never),
      X: await new LiveVectors(USD_PER_UNIT).of(d, NO_HISTORY, at),
      rules,
      watchList: o.watchTrader ? WatchList.of([{ kind: 'TRADER', value: d.trader.taxId, reason: 'sahte CE' }]) : EMPTY_WATCH_LIST,
      at,
      onShadowError: () => undefined,
    }),
  };
}

describe('decideWithModel', () => {
  it('scores with the ONNX champion, explains with coded reasons, records the shadow score and vectors', async () => {
    const { d, made } = await decide();
    expect(made.decision.modelVersion).toBe(champion.version);
    expect(made.decision.items).toHaveLength(d.items.length);
    for (const item of made.decision.items) {
      expect(item.score).toBeGreaterThan(0);
      expect(item.score).toBeLessThan(1);
      expect(item.selectionCause).toBe('RISK');
      for (const r of item.reasons) expect(r.text.tr.length * r.text.en.length).toBeGreaterThan(0);
    }
    expect(made.decision.items.some((i) => i.reasons.length > 0)).toBe(true);
    expect(made.scored.shadowVersion).toBe(shadow.version);
    expect(made.scored.traderId).toBe(d.trader.taxId);
    for (const s of made.scored.items) {
      expect(s.features).toHaveLength(FEATURE_COUNT);
      expect(s.shadowScore).toBeGreaterThan(0);
    }
  });

  it('a registry flag is a hard rule: RED with cause RULE and the flag as a reason', async () => {
    const { made } = await decide({ flags: ['TRADER_CLOSED'] });
    for (const item of made.decision.items) {
      expect(item.lane).toBe('RED');
      expect(item.selectionCause).toBe('RULE');
      expect(item.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['HARD_RULE', 'TRADER_CLOSED']));
    }
  });

  it('the watch list overrides the model (cause RULE)', async () => {
    const { made } = await decide({ watchTrader: true });
    expect(made.decision.items.every((i) => i.selectionCause === 'RULE' && i.reasons[0]!.code === 'WATCH_LIST')).toBe(true);
    expect(made.decision.items.every((i) => i.reasons.some((r) => r.code === 'WATCH_LIST_TRADER' && r.text.tr.endsWith(': sahte CE')))).toBe(true);
  });

  it('random control selects items with cause RANDOM', async () => {
    const { made } = await decide({ random: () => 0 });
    expect(made.decision.items.every((i) => i.selectionCause === 'RANDOM' && i.lane !== 'GREEN')).toBe(true);
  });

  it('a model of another feature layout fails with MODEL_ERR_SHAPE (the worker then falls back to rules)', async () => {
    const X = new Float32Array(20 * 3).map((_, i) => i % 7);
    const other = await served('m-20260103000000-cccccc', trainGbdt({ X, y: Uint8Array.from({ length: 20 }, (_, i) => i % 2), featureNames: ['a', 'b', 'c'], params: { rounds: 2 } }));
    try {
      await expect(decide({ pair: { champion: other, shadow: null } })).rejects.toSatisfy((e: unknown) => e instanceof ModelError && e.code === 'MODEL_ERR_SHAPE');
    } finally {
      await other.scorer.close();
    }
  });
});
