import type { HistoryTotals, Tally } from './history-tally.js';

/** The tallies of one item's history keys (same order) and the totals, as known when the item is scored. */
export interface HistorySnapshot {
  readonly tallies: readonly (Tally | undefined)[];
  readonly totals: HistoryTotals;
}

/** Where live scoring reads outcome history from: the hub's NATS KV store, or an in-memory LabelHistory. */
export interface HistorySource {
  read(keys: readonly string[]): Promise<HistorySnapshot>;
}
