import { addToTally, baseRateOf, smoothingOf, writeHistoryFeatures, type HistorySmoothing, type LabelHistoryOptions, type Tally } from './history-tally.js';
import type { HistorySnapshot, HistorySource } from './live-history.js';

export type { LabelHistoryOptions } from './history-tally.js';

/**
 * Outcomes known so far, per entity key: counts and smoothed non-compliance rates. Only revealed labels
 * enter it, and only through `add`; what a feature reads is therefore what was known when it was read.
 * The in-memory form used by the evaluation and training; live scoring keeps the same tallies in NATS KV.
 */
export class LabelHistory implements HistorySource {
  private readonly tallies = new Map<string, Tally>();
  private readonly totals = { n: 0, pos: 0 };
  private readonly smoothing: HistorySmoothing;

  constructor(o: LabelHistoryOptions = {}) {
    this.smoothing = smoothingOf(o);
  }

  /** Records one revealed outcome of an item with these keys, found in `week`. */
  add(keys: readonly string[], nonCompliant: boolean, week: number): void {
    this.totals.n++;
    if (nonCompliant) this.totals.pos++;
    for (const key of keys) this.tallies.set(key, addToTally(this.tallies.get(key), nonCompliant, week, this.smoothing));
  }

  async read(keys: readonly string[]): Promise<HistorySnapshot> {
    return { tallies: keys.map((k) => this.tallies.get(k)), totals: { ...this.totals } };
  }

  /** The overall revealed rate (the prior of every smoothed rate). */
  baseRate(): number {
    return baseRateOf(this.totals, this.smoothing);
  }

  /**
   * Writes, for the keys of `historyKeys`, the smoothed rate and log count of every entity, then the
   * decayed rate of the recent entities, as read in `week`. Returns the next free offset.
   */
  write(keys: readonly string[], week: number, out: Float32Array, offset: number): number {
    return writeHistoryFeatures(keys.map((k) => this.tallies.get(k)), this.baseRate(), week, this.smoothing, out, offset);
  }
}
