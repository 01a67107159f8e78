import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, FEATURE_NAMES, generateDataset, historyKeys, LabelHistory, prepareData, WeeklyFeatures } from '@tareks/scoring';

describe('history features', () => {
  it('smooth a rate towards the overall revealed rate', () => {
    const h = new LabelHistory({ prior: 5 });
    const keys = historyKeys({ traderId: '0123456789', declarantId: '10000000146', gtip: '950300700000', originCountry: 'CN', customsOffice: '060100', brand: 'Şık' });
    for (let i = 0; i < 10; i++) h.add(keys, i < 4, 0);
    const out = new Float32Array(FEATURE_COUNT);
    h.write(keys, 1, out, 0);
    const base = (4 + 0.25) / (10 + 5);
    expect(out[0]).toBeCloseTo((4 + 5 * base) / (10 + 5), 6);
    expect(out[1]).toBeCloseTo(Math.log1p(10), 6);
  });

  it('describe a week only with labels revealed before it', () => {
    const data = prepareData([...generateDataset({ seed: 4, weeks: 3, itemsPerWeek: 200, traders: 30 })]);
    const f = new WeeklyFeatures(data.rows, data.day, data.week);
    f.buildWeek(0, data.weeks[0]!);
    const before = f.gather(data.weeks[0]!);
    f.reveal(data.weeks[0]!, data.weeks[0]!.map((i) => data.labels[i] === 1));
    expect(f.gather(data.weeks[0]!)).toEqual(before);
    const rate = FEATURE_NAMES.indexOf('trader_rate');
    expect(new Set(Array.from(data.weeks[0]!, (_, k) => before[k * FEATURE_COUNT + rate])).size).toBe(1);
    f.buildWeek(1, data.weeks[1]!);
    const week1 = f.gather(data.weeks[1]!);
    expect(new Set(Array.from(data.weeks[1]!, (_, k) => week1[k * FEATURE_COUNT + rate])).size).toBeGreaterThan(1);
    expect(() => f.buildWeek(1, data.weeks[1]!)).toThrow(RangeError);
  });
});
