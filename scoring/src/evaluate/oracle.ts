import type { PreparedData } from './prepared-data.js';
import { budgetCount } from './protocol.js';

export interface OracleResult {
  readonly budget: number;
  readonly selected: number;
  readonly hits: number;
  readonly precision: number;
  readonly recall: number;
  readonly weeklyPrecision: readonly (number | null)[];
}

/** Knows the labels (E = 0): selects min(k_t, positives_t) non-compliant items each test week. */
export function oracle(data: PreparedData, budget: number, warmupWeeks = 4): OracleResult {
  let selected = 0;
  let hits = 0;
  let positives = 0;
  const weekly: (number | null)[] = [];
  for (let t = warmupWeeks; t < data.weeks.length; t++) {
    const idx = data.weeks[t]!;
    const k = budgetCount(idx.length, budget);
    const p = idx.reduce((s, i) => s + data.labels[i]!, 0);
    selected += k;
    hits += Math.min(k, p);
    positives += p;
    weekly.push(k === 0 ? null : Math.min(k, p) / k);
  }
  return { budget, selected, hits, precision: selected ? hits / selected : 0, recall: positives ? hits / positives : 0, weeklyPrecision: weekly };
}
