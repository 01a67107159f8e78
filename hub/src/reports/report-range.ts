import type { ReportRange } from '@tareks/schemas';
import { turkiyeDay } from '../warehouse/warehouse.rows.js';

/** Days covered when the caller names no range: the last 30 days, today included. */
export const DEFAULT_RANGE_DAYS = 30;
/** Longest range a report answers; longer ones would scan years of history for one screen. */
export const MAX_RANGE_DAYS = 3_660;

const DAY_MS = 86_400_000;

export class ReportRangeError extends Error {
  override readonly name = 'ReportRangeError';
  readonly code = 'HUB_ERR_OUT_OF_RANGE';
  readonly statusCode = 400;
  readonly retryable = false;
}

/** The inclusive day range of a report, defaulting to the last 30 Türkiye days; refuses from > to and over-long ranges. */
export function resolveRange(q: { from?: string; to?: string }, now: Date = new Date()): ReportRange {
  const to = q.to ?? turkiyeDay(now.toISOString());
  const from = q.from ?? new Date(Date.parse(to) - (DEFAULT_RANGE_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1) throw new ReportRangeError(`from (${from}) is after to (${to})`);
  if (days > MAX_RANGE_DAYS) throw new ReportRangeError(`range of ${days} days exceeds ${MAX_RANGE_DAYS}`);
  return { from, to };
}
