import { describe, expect, it } from 'vitest';
import { explain, FEATURE_NAMES, MODEL_REASON_TEXT, reasonCodeOf, Rng, trainGbdt } from '@tareks/scoring';

describe('model reasons', () => {
  it('maps every feature to a reason code with Turkish and English text', () => {
    for (const name of FEATURE_NAMES) {
      const text = MODEL_REASON_TEXT[reasonCodeOf(name)];
      expect(text?.tr.length).toBeGreaterThan(0);
      expect(text?.en.length).toBeGreaterThan(0);
    }
    expect(reasonCodeOf('trader_rate')).toBe('TRADER_HISTORY');
    expect(reasonCodeOf('origin_gtip4_recent_rate')).toBe('ORIGIN_PRODUCT_HISTORY');
    expect(reasonCodeOf('trader_age_days')).toBe('NEW_TRADER');
  });

  it('names the feature that drives a risky item first', () => {
    const rng = new Rng(3);
    const F = FEATURE_NAMES.length;
    const n = 3000;
    const X = new Float32Array(n * F).map(() => rng.float());
    const trader = FEATURE_NAMES.indexOf('trader_rate');
    const y = Uint8Array.from({ length: n }, (_, i) => (rng.bool(X[i * F + trader]! > 0.8 ? 0.7 : 0.03) ? 1 : 0));
    const model = trainGbdt({ X, y, featureNames: FEATURE_NAMES, params: { rounds: 60 } });
    const row = new Float32Array(F).fill(0.5);
    row[trader] = 0.95;
    const reasons = explain(model, row);
    expect(reasons[0]).toMatchObject({ code: 'TRADER_HISTORY', text: MODEL_REASON_TEXT.TRADER_HISTORY });
    expect(reasons[0]!.weight).toBeGreaterThan(0);
  });
});
