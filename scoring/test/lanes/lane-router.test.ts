import { describe, expect, it } from 'vitest';
import { LaneRouter, Rng, SlidingQuantile, type LaneInput } from '@tareks/scoring';

const item = (score: number, over: Partial<LaneInput> = {}): LaneInput => ({
  score, office: '341300', domain: 'PRODUCT_SAFETY', hardRule: false, watchListed: false,
  trader: { cleanInspections: 0, daysSinceLastNonCompliance: null }, ...over,
});

describe('sliding quantile', () => {
  it('matches a sort of the last `size` values', () => {
    const rng = new Rng(1);
    const q = new SlidingQuantile(100);
    const all: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const x = rng.float();
      all.push(x);
      q.push(x);
      const window = all.slice(-100).sort((a, b) => a - b);
      expect(q.quantile(0.9)).toBe(window[Math.ceil(0.9 * window.length) - 1]);
    }
  });
});

describe('lane router', () => {
  it('keeps inspection load at capacity whatever the score distribution, with random control', () => {
    const rng = new Rng(2);
    const router = new LaneRouter({ capacity: { red: 0.03, yellow: 0.07 }, minRandomRate: 0.01, exploreShare: 0.1 }, () => rng.float());
    const counts = { RED: 0, YELLOW: 0, GREEN: 0, RANDOM: 0 };
    for (let i = 0; i < 40_000; i++) {
      // The score distribution shifts upwards halfway: thresholds must follow it.
      const d = router.route(item(Math.pow(rng.float(), i < 20_000 ? 3 : 0.5)));
      if (i >= 25_000) {
        counts[d.lane]++;
        if (d.cause === 'RANDOM') counts.RANDOM++;
      }
    }
    const n = 15_000;
    expect(counts.RED / n).toBeGreaterThan(0.025);
    expect(counts.RED / n).toBeLessThan(0.035);
    expect((counts.RED + counts.YELLOW) / n).toBeGreaterThan(0.09);
    expect((counts.RED + counts.YELLOW) / n).toBeLessThan(0.11);
    expect(counts.RANDOM / n).toBeGreaterThan(0.007);
    expect(counts.RANDOM / n).toBeLessThan(0.013);
  });

  it('lets hard rules and the watch list override the score', () => {
    const router = new LaneRouter({}, () => 0.99);
    expect(router.route(item(0.01, { hardRule: true }))).toMatchObject({ lane: 'RED', cause: 'RULE', reasons: [{ code: 'HARD_RULE' }] });
    expect(router.route(item(0.01, { watchListed: true }))).toMatchObject({ lane: 'RED', cause: 'RULE', reasons: [{ code: 'WATCH_LIST' }] });
  });

  it('protects a trader with a long clean record by one lane, and says so', () => {
    const router = new LaneRouter({ coldThresholds: { yellow: 0.3, red: 0.6 } }, () => 0.99);
    const clean = { cleanInspections: 25, daysSinceLastNonCompliance: null };
    expect(router.route(item(0.9, { trader: clean }))).toMatchObject({ lane: 'YELLOW', cause: 'RISK', reasons: [{ code: 'TRUSTED_TRADER' }] });
    expect(router.route(item(0.9, { trader: { cleanInspections: 25, daysSinceLastNonCompliance: 30 } })).lane).toBe('RED');
    expect(router.route(item(0.9)).lane).toBe('RED');
  });
});
