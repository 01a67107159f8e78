import { HISTORY_ENTITIES, RECENT_ENTITIES } from './history-keys.js';

interface Tally {
  n: number;
  pos: number;
  /** Decayed counts, as of `week`. */
  dn: number;
  dpos: number;
  week: number;
}

export interface LabelHistoryOptions {
  /** Pseudo-count pulling a rate towards the overall rate; default 5. */
  readonly prior?: number;
  /** Half-life of the recent rates, in weeks; default 6. */
  readonly halfLifeWeeks?: number;
}

const RECENT_INDEX = RECENT_ENTITIES.map((e) => HISTORY_ENTITIES.indexOf(e));

/**
 * Outcomes known so far, per entity key: counts and smoothed non-compliance rates. Only revealed labels
 * enter it, and only through `add`; what a feature reads is therefore what was known when it was read.
 */
export class LabelHistory {
  private readonly tallies = new Map<string, Tally>();
  private total = 0;
  private totalPos = 0;
  private readonly prior: number;
  private readonly decay: number;

  constructor(o: LabelHistoryOptions = {}) {
    this.prior = o.prior ?? 5;
    this.decay = Math.pow(0.5, 1 / (o.halfLifeWeeks ?? 6));
  }

  /** Records one revealed outcome of an item with these keys, found in `week`. */
  add(keys: readonly string[], nonCompliant: boolean, week: number): void {
    this.total++;
    if (nonCompliant) this.totalPos++;
    const y = nonCompliant ? 1 : 0;
    for (const key of keys) {
      const t = this.tallies.get(key);
      if (!t) {
        this.tallies.set(key, { n: 1, pos: y, dn: 1, dpos: y, week });
        continue;
      }
      const f = Math.pow(this.decay, week - t.week);
      t.n++;
      t.pos += y;
      t.dn = t.dn * f + 1;
      t.dpos = t.dpos * f + y;
      t.week = week;
    }
  }

  /** The overall revealed rate (the prior of every smoothed rate). */
  baseRate(): number {
    return (this.totalPos + 0.05 * this.prior) / (this.total + this.prior);
  }

  /**
   * Writes, for the keys of `historyKeys`, the smoothed rate and log count of every entity, then the
   * decayed rate of the recent entities, as read in `week`. Returns the next free offset.
   */
  write(keys: readonly string[], week: number, out: Float32Array, offset: number): number {
    const base = this.baseRate();
    let o = offset;
    for (const key of keys) {
      const t = this.tallies.get(key);
      out[o++] = t ? (t.pos + this.prior * base) / (t.n + this.prior) : base;
      out[o++] = t ? Math.log1p(t.n) : 0;
    }
    for (const i of RECENT_INDEX) {
      const t = this.tallies.get(keys[i]!);
      const f = t ? Math.pow(this.decay, week - t.week) : 0;
      out[o++] = t ? (t.dpos * f + this.prior * base) / (t.dn * f + this.prior) : base;
    }
    return o;
  }
}
