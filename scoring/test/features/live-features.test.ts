import { describe, expect, it } from 'vitest';
import {
  createWorld, epochWeek, FEATURE_COUNT, FEATURE_NAMES, generateDataset, historyKeys, LabelHistory, LiveFeatures, prepareData, unlabelledRowsOf,
  USD_PER_UNIT, WeeklyFeatures,
} from '@tareks/scoring';

describe('live features', () => {
  it('describe a declaration item and learn from recorded outcomes only', async () => {
    const world = createWorld({ seed: 5, traders: 30 });
    const at = new Date('2026-03-02T10:00:00Z');
    const { declaration } = world.nextDeclaration(at);
    const [row] = unlabelledRowsOf(declaration, USD_PER_UNIT);
    const history = new LabelHistory();
    const live = new LiveFeatures(history);
    const before = await live.vectorOf(row!, at);
    expect(before.length).toBe(FEATURE_COUNT);
    for (let i = 0; i < 10; i++) history.add(historyKeys(row!), true, epochWeek(at));
    const after = await live.vectorOf(row!, new Date('2026-03-09T10:00:00Z'));
    for (const entity of ['trader', 'declarant', 'gtip12', 'gtip6', 'gtip4', 'gtip2', 'origin', 'office', 'brand', 'origin_gtip4']) {
      expect(after[FEATURE_NAMES.indexOf(`${entity}_rate`)]).toBeGreaterThan(before[FEATURE_NAMES.indexOf(`${entity}_rate`)]! + 0.3);
      expect(after[FEATURE_NAMES.indexOf(`${entity}_log_count`)]).toBeCloseTo(Math.log1p(10), 5);
    }
    expect(after[FEATURE_NAMES.indexOf('trader_age_days')]).toBe(7);
  });

  it('give the history columns the offline weekly features give, from the same outcomes', async () => {
    const data = prepareData([...generateDataset({ seed: 3, weeks: 3, withDocuments: false, driftWeek: null })]);
    const weekly = new WeeklyFeatures(data.rows, data.day, data.week);
    const history = new LabelHistory();
    data.weeks.slice(0, 2).forEach((rows, t) => {
      weekly.buildWeek(t, rows);
      const labels = rows.map((i) => data.labels[i] === 1);
      weekly.reveal(rows, labels);
      rows.forEach((i, k) => history.add(historyKeys(data.rows[i]!), labels[k]!, data.week[i]!));
    });
    const week2 = data.weeks[2]!;
    weekly.buildWeek(2, week2);
    const live = new LiveFeatures(history);
    const H = FEATURE_NAMES.findIndex((n) => !n.endsWith('_rate') && !n.endsWith('_log_count'));
    for (const i of week2.slice(0, 50)) {
      const r = data.rows[i]!;
      // Live weeks count from the epoch; offline ones from the file's first day. Read at the offline week's position.
      const at = new Date(Date.UTC(1970, 0, 1 + 7 * data.week[i]!));
      const x = await live.vectorOf(r, at);
      expect(Array.from(x.subarray(0, H))).toEqual(Array.from(weekly.matrix.subarray(i * FEATURE_COUNT, i * FEATURE_COUNT + H)));
    }
  });
});
