import { Rng } from '../world/rng.js';
import type { PreparedData } from './prepared-data.js';
import type { Strategy } from './strategy.js';

export interface ProtocolOptions {
  /** Budget B: percent of each test week's items inspected. */
  readonly budget: number;
  /** Exploration E: percent of the budget drawn at random. */
  readonly explore: number;
  /** Seed of the PRNG (one per run) that draws the exploration set. */
  readonly seed: number;
  /** Fully labelled warm-up weeks W; default 4. */
  readonly warmupWeeks?: number;
  /** Called after each test week (progress). */
  readonly onWeek?: (t: number) => void;
}

export interface SelectionCount {
  readonly selected: number;
  readonly hits: number;
}

/** What one strategy achieved over all test weeks. */
export interface StrategyResult {
  readonly strategy: string;
  readonly budget: number;
  readonly explore: number;
  readonly seed: number;
  readonly testItems: number;
  readonly positives: number;
  readonly baseRate: number;
  readonly selected: number;
  readonly hits: number;
  readonly precision: number;
  readonly recall: number;
  readonly lift: number;
  readonly normalisedPrecision: number;
  /** Binomial standard error of the precision. */
  readonly precisionStdErr: number;
  /** Test week numbers and `hits_t / k_t` (null when k_t = 0). */
  readonly weeks: readonly number[];
  readonly weeklyPrecision: readonly (number | null)[];
  readonly exploit: SelectionCount;
  readonly exploreSet: SelectionCount;
  /** Test weeks before and from week floor(weeks / 2). */
  readonly halves: readonly { readonly fromWeek: number; readonly precision: number; readonly recall: number }[];
}

/** `Math.round`: half up, as the protocol fixes (not banker's rounding). */
export const budgetCount = (n: number, percent: number): number => Math.round((n * percent) / 100);

/** Indices of the k highest scores; ties go to the earlier row. */
export function topK(indices: readonly number[], scores: Float64Array, k: number): number[] {
  const order = indices.map((_, j) => j).sort((a, b) => scores[b]! - scores[a]! || a - b);
  return order.slice(0, k).map((j) => indices[j]!);
}

/** k rows drawn uniformly without replacement (partial Fisher–Yates over the rows in file order). */
export function drawRandom(rng: Rng, pool: readonly number[], k: number): number[] {
  const a = [...pool];
  const take = Math.min(k, a.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rng.float() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, take);
}

interface Tally {
  selected: number;
  hits: number;
}

/** Runs the fixed weekly budgeted-inspection protocol (EVALUATION-PROTOCOL.md) for one strategy. */
export async function runProtocol(data: PreparedData, strategy: Strategy, o: ProtocolOptions): Promise<StrategyResult> {
  const W = o.warmupWeeks ?? 4;
  const rng = new Rng(o.seed);
  const weeks: number[] = [];
  const weekly: (number | null)[] = [];
  const exploit: Tally = { selected: 0, hits: 0 };
  const explore: Tally = { selected: 0, hits: 0 };
  const half = Math.floor(data.weeks.length / 2);
  const halves = [
    { fromWeek: W, items: 0, positives: 0, selected: 0, hits: 0 },
    { fromWeek: Math.max(W, half), items: 0, positives: 0, selected: 0, hits: 0 },
  ];
  let testItems = 0;
  let positives = 0;
  const labelsOf = (idx: readonly number[]): boolean[] => idx.map((i) => data.labels[i] === 1);
  const hitsOf = (idx: readonly number[]): number => idx.reduce((s, i) => s + data.labels[i]!, 0);

  for (let t = 0; t < data.weeks.length; t++) {
    const idx = data.weeks[t]!;
    if (t < W) {
      await strategy.scoreWeek(t, idx, true);
      strategy.reveal(t, idx, labelsOf(idx));
      continue;
    }
    const scores = await strategy.scoreWeek(t, idx, false);
    const k = budgetCount(idx.length, o.budget);
    const kExplore = budgetCount(k, o.explore);
    const chosen = scores && o.explore < 100 ? topK(idx, scores, k - kExplore) : [];
    const taken = new Set(chosen);
    const drawn = drawRandom(rng, idx.filter((i) => !taken.has(i)), k - chosen.length);
    const selected = [...chosen, ...drawn];
    const h = hitsOf(selected);
    exploit.selected += chosen.length;
    exploit.hits += hitsOf(chosen);
    explore.selected += drawn.length;
    explore.hits += hitsOf(drawn);
    const p = hitsOf(idx);
    testItems += idx.length;
    positives += p;
    weeks.push(t);
    weekly.push(k === 0 ? null : h / k);
    const part = halves[t >= halves[1]!.fromWeek ? 1 : 0]!;
    part.items += idx.length;
    part.positives += p;
    part.selected += selected.length;
    part.hits += h;
    strategy.reveal(t, selected, labelsOf(selected));
    o.onWeek?.(t);
  }
  return summarise(strategy.name, o, { testItems, positives, exploit, explore, weeks, weekly, halves });
}

function summarise(
  name: string,
  o: ProtocolOptions,
  s: { testItems: number; positives: number; exploit: Tally; explore: Tally; weeks: number[]; weekly: (number | null)[]; halves: { fromWeek: number; positives: number; selected: number; hits: number }[] },
): StrategyResult {
  const selected = s.exploit.selected + s.explore.selected;
  const hits = s.exploit.hits + s.explore.hits;
  const precision = selected ? hits / selected : 0;
  const baseRate = s.testItems ? s.positives / s.testItems : 0;
  return {
    strategy: name,
    budget: o.budget,
    explore: o.explore,
    seed: o.seed,
    testItems: s.testItems,
    positives: s.positives,
    baseRate,
    selected,
    hits,
    precision,
    recall: s.positives ? hits / s.positives : 0,
    lift: baseRate ? precision / baseRate : 0,
    normalisedPrecision: baseRate ? precision / Math.min(1, baseRate / (o.budget / 100)) : 0,
    precisionStdErr: selected ? Math.sqrt((precision * (1 - precision)) / selected) : 0,
    weeks: s.weeks,
    weeklyPrecision: s.weekly,
    exploit: s.exploit,
    exploreSet: s.explore,
    halves: s.halves.map((x) => ({ fromWeek: x.fromWeek, precision: x.selected ? x.hits / x.selected : 0, recall: x.positives ? x.hits / x.positives : 0 })),
  };
}
