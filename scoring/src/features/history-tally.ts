import { RECENT_ENTITIES, HISTORY_ENTITIES } from './history-keys.js';

/** Outcomes known for one entity key: counts, and counts decayed to `week`. */
export interface Tally {
  n: number;
  pos: number;
  /** Decayed counts, as of `week`. */
  dn: number;
  dpos: number;
  week: number;
}

/** All outcomes known: the prior every smoothed rate is pulled towards. */
export interface HistoryTotals {
  n: number;
  pos: number;
}

export interface LabelHistoryOptions {
  /** Pseudo-count pulling a rate towards the overall rate; default 5. */
  readonly prior?: number;
  /** Half-life of the recent rates, in weeks; default 6. */
  readonly halfLifeWeeks?: number;
}

/** The smoothing the evaluation, the trainer's vectors and live scoring all use. */
export interface HistorySmoothing {
  readonly prior: number;
  /** Weekly decay factor of the recent rates. */
  readonly decay: number;
}

export const smoothingOf = (o: LabelHistoryOptions = {}): HistorySmoothing => ({ prior: o.prior ?? 5, decay: Math.pow(0.5, 1 / (o.halfLifeWeeks ?? 6)) });

/** Prior rate of the base rate itself, before any outcome is known. */
const PRIOR_RATE = 0.05;

export const baseRateOf = (t: HistoryTotals, s: HistorySmoothing): number => (t.pos + PRIOR_RATE * s.prior) / (t.n + s.prior);

/**
 * Adds one outcome found in `week` to a tally (a new one when undefined) and returns it; mutates `t`. An outcome of
 * an earlier week than the tally's (live outcomes may arrive late) enters the decayed counts already decayed.
 */
export function addToTally(t: Tally | undefined, nonCompliant: boolean, week: number, s: HistorySmoothing): Tally {
  const y = nonCompliant ? 1 : 0;
  if (!t) return { n: 1, pos: y, dn: 1, dpos: y, week };
  t.n++;
  t.pos += y;
  if (week >= t.week) {
    const f = Math.pow(s.decay, week - t.week);
    t.dn = t.dn * f + 1;
    t.dpos = t.dpos * f + y;
    t.week = week;
  } else {
    const g = Math.pow(s.decay, t.week - week);
    t.dn += g;
    t.dpos += y * g;
  }
  return t;
}

const RECENT_INDEX = RECENT_ENTITIES.map((e) => HISTORY_ENTITIES.indexOf(e));

/**
 * Writes, for the tallies of the `historyKeys` of an item (same order), the smoothed rate and log count of every
 * entity, then the decayed rate of the recent entities, as read in `week`. Returns the next free offset.
 */
export function writeHistoryFeatures(
  tallies: readonly (Tally | undefined)[], base: number, week: number, s: HistorySmoothing, out: Float32Array, offset: number,
): number {
  let o = offset;
  for (const t of tallies) {
    out[o++] = t ? (t.pos + s.prior * base) / (t.n + s.prior) : base;
    out[o++] = t ? Math.log1p(t.n) : 0;
  }
  for (const i of RECENT_INDEX) {
    const t = tallies[i];
    const f = t ? Math.pow(s.decay, week - t.week) : 0;
    out[o++] = t ? (t.dpos * f + s.prior * base) / (t.dn * f + s.prior) : base;
  }
  return o;
}
