import type { Declaration } from '@tareks/schemas';
import { FEATURE_NAMES } from '../features/feature-names.js';
import { LiveFeatures, unlabelledRowsOf } from '../features/live-features.js';
import type { TraderStats } from './trader-history.js';

const TRADER_RATE = FEATURE_NAMES.indexOf('trader_rate');
const TRADER_COUNT = FEATURE_NAMES.indexOf('trader_log_count');
const TRADER_DECLARATIONS = FEATURE_NAMES.indexOf('log_trader_declarations');
/** Same smoothing as the offline label history: pseudo-count 5 towards a 5 % base rate. */
const PRIOR = 5;
const BASE_RATE = 0.05;

/**
 * Feature vectors of live items, in FEATURE_NAMES order. Context columns (value per kg against the norm, brand and
 * declarant frequencies, consignment size, CE, documents, tariff chapter) come from the traffic this worker has seen;
 * the trader's columns come from the shared trader record (declarations, inspections, non-compliant) in KV. The other
 * label-history columns (declarant, GTİP, origin, office, brand rates) hold the process's own outcomes only: with none
 * fed they sit at the base rate, unlike the offline vectors where every revealed week fills them.
 */
export class LiveVectors {
  private readonly features = new LiveFeatures();

  constructor(private readonly usdPerUnit: Readonly<Record<string, number>>) {}

  /** One vector per item, row-major `items × FEATURE_COUNT`. */
  of(d: Declaration, trader: TraderStats, at: Date): Float32Array {
    const rows = unlabelledRowsOf(d, this.usdPerUnit);
    const X = new Float32Array(rows.length * FEATURE_NAMES.length);
    rows.forEach((row, i) => {
      const x = this.features.vectorOf(row, at);
      x[TRADER_RATE] = (trader.nonCompliant + PRIOR * BASE_RATE) / (trader.inspections + PRIOR);
      x[TRADER_COUNT] = Math.log1p(trader.inspections);
      x[TRADER_DECLARATIONS] = Math.log1p(trader.declarations);
      X.set(x, i * FEATURE_NAMES.length);
    });
    return X;
  }
}
