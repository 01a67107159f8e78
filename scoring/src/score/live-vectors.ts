import type { Declaration } from '@tareks/schemas';
import { FEATURE_NAMES } from '../features/feature-names.js';
import type { HistorySource } from '../features/live-history.js';
import { LiveFeatures, unlabelledRowsOf } from '../features/live-features.js';
import type { TraderStats } from './trader-history.js';

const TRADER_DECLARATIONS = FEATURE_NAMES.indexOf('log_trader_declarations');

/**
 * Feature vectors of live items, in FEATURE_NAMES order. Label-history columns (trader, declarant, GTİP 12/6/4/2,
 * origin, office, brand, origin×GTİP4 rates and counts, recent rates) come from the shared history source, kept by
 * the outcome projector with the same keys and smoothing as the offline features. Context columns (value per kg
 * against the norm, brand and declarant frequencies, consignment size, CE, documents, tariff chapter) come from the
 * traffic this worker has seen, except the trader's declaration count, which the shared trader record holds.
 */
export class LiveVectors {
  private readonly features: LiveFeatures;

  constructor(
    private readonly usdPerUnit: Readonly<Record<string, number>>,
    history?: HistorySource,
  ) {
    this.features = new LiveFeatures(history);
  }

  /** One vector per item, row-major `items × FEATURE_COUNT`. */
  async of(d: Declaration, trader: TraderStats, at: Date): Promise<Float32Array> {
    const rows = unlabelledRowsOf(d, this.usdPerUnit);
    const X = new Float32Array(rows.length * FEATURE_NAMES.length);
    // In item order: an item's context columns see the items before it, as in the offline features.
    for (const [i, row] of rows.entries()) {
      const x = await this.features.vectorOf(row, at);
      x[TRADER_DECLARATIONS] = Math.log1p(trader.declarations);
      X.set(x, i * FEATURE_NAMES.length);
    }
    return X;
  }
}
