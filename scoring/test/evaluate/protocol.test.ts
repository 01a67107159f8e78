import { describe, expect, it } from 'vitest';
import {
  budgetCount, drawRandom, gbdtLearner, generateDataset, learnedStrategy, oracle, prepareData, randomStrategy, Rng, runProtocol, topK,
  type ItemRow, type PreparedData, type Strategy,
} from '@tareks/scoring';

const small = (): ItemRow[] => [...generateDataset({ seed: 11, weeks: 9, itemsPerWeek: 260, traders: 80 })];

/** Wraps a strategy to record what it scored and what it was shown. */
function recording(inner: Strategy) {
  const scores: number[][] = [];
  const revealed: { t: number; indices: number[]; labels: boolean[] }[] = [];
  const s: Strategy = {
    name: inner.name,
    async scoreWeek(t, indices, warmup) {
      const out = await inner.scoreWeek(t, indices, warmup);
      if (out) scores.push([...out]);
      return out;
    },
    reveal(t, indices, labels) {
      revealed.push({ t, indices: [...indices], labels: [...labels] });
      inner.reveal(t, indices, labels);
    },
  };
  return { s, scores, revealed };
}

describe('evaluation protocol', () => {
  it('rounds budgets half up (Math.round, not banker’s rounding)', () => {
    expect(budgetCount(25, 10)).toBe(3);
    expect(budgetCount(15, 10)).toBe(2);
    expect(budgetCount(5, 10)).toBe(1);
    expect(budgetCount(4, 10)).toBe(0);
    expect(budgetCount(3, 50)).toBe(2);
  });

  it('breaks score ties in favour of the earlier row', () => {
    expect(topK([10, 11, 12, 13], Float64Array.from([0.5, 0.9, 0.5, 0.9]), 3)).toEqual([11, 13, 10]);
  });

  it('draws the exploration set from a seeded PRNG, without replacement', () => {
    const pool = Array.from({ length: 50 }, (_, i) => i);
    const a = drawRandom(new Rng(5), pool, 20);
    expect(drawRandom(new Rng(5), pool, 20)).toEqual(a);
    expect(new Set(a).size).toBe(20);
    expect(drawRandom(new Rng(6), pool, 20)).not.toEqual(a);
  });

  it('sorts stably by date and counts weeks from the first date; the last week may be short', () => {
    const rows = small();
    const shuffled = [rows[5]!, rows[0]!, ...rows.slice(1, 5), ...rows.slice(6)].reverse();
    const d = prepareData(shuffled);
    expect(d.firstDate).toBe(rows[0]!.date);
    for (let i = 1; i < d.rows.length; i++) expect(d.rows[i]!.date >= d.rows[i - 1]!.date).toBe(true);
    const sameDay = shuffled.filter((r) => r.date === d.rows[0]!.date);
    expect(d.rows.slice(0, sameDay.length).map((r) => `${r.declarationId}/${r.itemNo}`)).toEqual(sameDay.map((r) => `${r.declarationId}/${r.itemNo}`));
    expect(d.weeks.length).toBe(9);
    const cut = prepareData(rows.filter((r) => r.date <= '2025-03-04'));
    expect(cut.weeks.at(-1)!.length).toBeLessThan(cut.weeks[0]!.length);
  });

  it('reveals every warm-up label, then only the selected items of each test week', async () => {
    const data = prepareData(small());
    const rec = recording(learnedStrategy('m', data, gbdtLearner({ params: { rounds: 20 } })));
    const r = await runProtocol(data, rec.s, { budget: 10, explore: 10, seed: 1 });
    for (const { t, indices, labels } of rec.revealed) {
      const week = data.weeks[t]!;
      expect(indices.length).toBe(t < 4 ? week.length : budgetCount(week.length, 10));
      expect(labels).toEqual(indices.map((i) => data.labels[i] === 1));
    }
    expect(r.selected).toBe(data.weeks.slice(4).reduce((s, w) => s + budgetCount(w.length, 10), 0));
    expect(r.exploreSet.selected).toBe(data.weeks.slice(4).reduce((s, w) => s + budgetCount(budgetCount(w.length, 10), 10), 0));
  });

  it('leaks nothing: shuffling labels that were never revealed leaves every score and selection unchanged', async () => {
    const data = prepareData(small());
    const first = recording(learnedStrategy('m', data, gbdtLearner({ params: { rounds: 30 } })));
    const a = await runProtocol(data, first.s, { budget: 10, explore: 10, seed: 3 });
    const seen = new Set(first.revealed.flatMap((x) => x.indices));
    const hidden = Array.from(data.labels.keys()).filter((i) => !seen.has(i));
    const permuted = new Rng(99).shuffle(hidden.map((i) => data.labels[i]!));
    const labels = Uint8Array.from(data.labels);
    hidden.forEach((i, k) => (labels[i] = permuted[k]!));
    // Flip some hidden labels too, so the base rate changes while revealed labels stay put.
    hidden.slice(0, 200).forEach((i) => (labels[i] = 1 - labels[i]!));
    const other: PreparedData = { ...data, labels };
    const second = recording(learnedStrategy('m', other, gbdtLearner({ params: { rounds: 30 } })));
    const b = await runProtocol(other, second.s, { budget: 10, explore: 10, seed: 3 });
    expect(second.scores).toEqual(first.scores);
    expect(second.revealed.map((x) => x.indices)).toEqual(first.revealed.map((x) => x.indices));
    expect(b.hits).toBe(a.hits);
    expect(b.positives).not.toBe(a.positives);
  });

  it('scores random at E = 100 and the oracle from the labels', async () => {
    const data = prepareData(small());
    const r = await runProtocol(data, randomStrategy(), { budget: 10, explore: 100, seed: 1 });
    expect(r.exploit.selected).toBe(0);
    const o = oracle(data, 10);
    const expected = data.weeks.slice(4).reduce((s, w) => s + Math.min(budgetCount(w.length, 10), w.filter((i) => data.labels[i]).length), 0);
    expect(o.hits).toBe(expected);
    expect(o.selected).toBe(r.selected);
  });
});
