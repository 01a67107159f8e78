import type { Declaration, Item } from '@tareks/schemas';
import { FEATURE_COUNT } from './feature-names.js';
import { baseRateOf, smoothingOf, writeHistoryFeatures, type HistorySmoothing, type LabelHistoryOptions } from './history-tally.js';
import { historyKeys } from './history-keys.js';
import { ItemContext } from './item-context.js';
import { LabelHistory } from './label-history.js';
import type { HistorySource } from './live-history.js';
import type { UnlabelledRow } from './weekly-features.js';

const DAY_MS = 86_400_000;

/** Days and weeks of live traffic count from the Unix epoch (only differences matter). */
export const epochDay = (at: Date): number => Math.floor(at.getTime() / DAY_MS);
export const epochWeek = (at: Date): number => Math.floor(epochDay(at) / 7);

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

/** The history keys of a declaration item: what its outcome will update and its features read. */
export const itemHistoryKeys = (d: Pick<Declaration, 'trader' | 'representative' | 'customsOffice'>, item: Pick<Item, 'gtip' | 'originCountry' | 'brand'>): readonly string[] =>
  historyKeys({ traderId: d.trader.taxId, declarantId: d.representative.tckn, gtip: item.gtip, originCountry: item.originCountry, customsOffice: d.customsOffice, brand: item.brand ?? '' });

/**
 * The same features for live scoring, one item at a time: the label-history columns from a shared history source
 * (the outcome projection in NATS KV, so every worker and the trainer see the same tallies), the context columns
 * from the traffic this process has seen.
 */
export class LiveFeatures {
  private readonly context = new ItemContext();
  private readonly smoothing: HistorySmoothing;

  constructor(
    /** Default: an empty in-memory history (tests; a process without the projection). */
    readonly history: HistorySource = new LabelHistory(),
    options: LabelHistoryOptions = {},
  ) {
    this.smoothing = smoothingOf(options);
  }

  async vectorOf(row: UnlabelledRow, at: Date): Promise<Float32Array> {
    const out = new Float32Array(FEATURE_COUNT);
    const day = epochDay(at);
    const snapshot = await this.history.read(historyKeys(row));
    this.context.observe(row, day);
    const offset = writeHistoryFeatures(snapshot.tallies, baseRateOf(snapshot.totals, this.smoothing), Math.floor(day / 7), this.smoothing, out, 0);
    this.context.write(row, day, out, offset);
    return out;
  }
}
