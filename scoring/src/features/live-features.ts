import type { Declaration } from '@tareks/schemas';
import { FEATURE_COUNT } from './feature-names.js';
import { historyKeys } from './history-keys.js';
import { ItemContext } from './item-context.js';
import { LabelHistory, type LabelHistoryOptions } from './label-history.js';
import type { UnlabelledRow } from './weekly-features.js';

const DAY_MS = 86_400_000;

/** The declaration's items in the evaluation file's shape, values converted with `usdPerUnit`. */
export function unlabelledRowsOf(d: Declaration, usdPerUnit: Readonly<Record<string, number>>): UnlabelledRow[] {
  return d.items.map((item) => ({
    declarationId: d.id,
    itemNo: item.itemNo,
    date: d.submittedAt.slice(0, 10),
    kind: d.kind,
    domain: d.domain,
    customsOffice: d.customsOffice,
    traderId: d.trader.taxId,
    declarantId: d.representative.tckn,
    gtip: item.gtip,
    originCountry: item.originCountry,
    quantity: item.quantity,
    unit: item.unit,
    netMassKg: item.netMassKg,
    valueUsd: item.value.amount * (usdPerUnit[item.value.currency] ?? 0),
    brand: item.brand ?? '',
    ceMarked: item.conformity ? item.conformity.ceMarked : null,
    documentCount: d.documents.length,
  }));
}

/**
 * The same features for live scoring: one item at a time, outcomes recorded as inspections report
 * them. Days and weeks count from the Unix epoch (only differences matter).
 */
export class LiveFeatures {
  private readonly history: LabelHistory;
  private readonly context = new ItemContext();

  constructor(options: LabelHistoryOptions = {}) {
    this.history = new LabelHistory(options);
  }

  vectorOf(row: UnlabelledRow, at: Date): Float32Array {
    const out = new Float32Array(FEATURE_COUNT);
    const day = Math.floor(at.getTime() / DAY_MS);
    this.context.observe(row, day);
    this.context.write(row, day, out, this.history.write(historyKeys(row), Math.floor(day / 7), out, 0));
    return out;
  }

  /** An inspection outcome of an item; it shapes the features of items scored after it. */
  recordOutcome(row: UnlabelledRow, nonCompliant: boolean, at: Date): void {
    this.history.add(historyKeys(row), nonCompliant, Math.floor(at.getTime() / DAY_MS / 7));
  }
}
