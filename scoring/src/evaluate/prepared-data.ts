import type { ItemRow } from '../features/item-row.js';
import type { UnlabelledRow } from '../features/weekly-features.js';
import { EvaluateError, EVALUATE_ERROR_CODES as E } from './evaluate.errors.js';

/** The file in protocol order, labels held apart from what strategies may see. */
export interface PreparedData {
  /** Rows stably sorted by date, without their labels. */
  readonly rows: readonly UnlabelledRow[];
  /** Labels in the same order; only the protocol reads them. */
  readonly labels: Uint8Array;
  /** Days since the first date, per row. */
  readonly day: Int32Array;
  /** Week index (7-day buckets from the first date), per row. */
  readonly week: Int32Array;
  /** Row indices of each week, in order. */
  readonly weeks: readonly (readonly number[])[];
  readonly firstDate: string;
}

const DAY_MS = 86_400_000;

export function prepareData(rows: readonly ItemRow[]): PreparedData {
  if (rows.length === 0) throw new EvaluateError(E.emptyData, 'the file has no rows');
  const sorted = rows.map((r, i) => ({ r, i, t: Date.parse(`${r.date}T00:00:00Z`) })).sort((a, b) => a.t - b.t || a.i - b.i);
  const t0 = sorted[0]!.t;
  const day = Int32Array.from(sorted, (s) => Math.round((s.t - t0) / DAY_MS));
  const week = day.map((d) => Math.floor(d / 7));
  const weeks: number[][] = Array.from({ length: week[week.length - 1]! + 1 }, () => []);
  week.forEach((w, i) => weeks[w]!.push(i));
  return {
    rows: sorted.map(({ r }) => {
      const { nonCompliant: _label, ...rest } = r;
      return rest;
    }),
    labels: Uint8Array.from(sorted, (s) => (s.r.nonCompliant ? 1 : 0)),
    day,
    week,
    weeks,
    firstDate: sorted[0]!.r.date,
  };
}
