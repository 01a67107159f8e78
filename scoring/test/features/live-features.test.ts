import { describe, expect, it } from 'vitest';
import { createWorld, FEATURE_COUNT, FEATURE_NAMES, LiveFeatures, unlabelledRowsOf, USD_PER_UNIT } from '@tareks/scoring';

describe('live features', () => {
  it('describe a declaration item and learn from recorded outcomes only', () => {
    const world = createWorld({ seed: 5, traders: 30 });
    const at = new Date('2026-03-02T10:00:00Z');
    const { declaration } = world.nextDeclaration(at);
    const [row] = unlabelledRowsOf(declaration, USD_PER_UNIT);
    const live = new LiveFeatures();
    const before = live.vectorOf(row!, at);
    expect(before.length).toBe(FEATURE_COUNT);
    for (let i = 0; i < 10; i++) live.recordOutcome(row!, true, at);
    const after = live.vectorOf(row!, new Date('2026-03-09T10:00:00Z'));
    const rate = FEATURE_NAMES.indexOf('trader_rate');
    expect(after[rate]).toBeGreaterThan(before[rate]! + 0.3);
    expect(after[FEATURE_NAMES.indexOf('trader_age_days')]).toBe(7);
  });
});
