/** An inclusive range of report days (`YYYY-MM-DD`, Türkiye calendar), as the hub's reports take it. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

/** Türkiye keeps UTC+3 all year, so its calendar day is the UTC instant shifted by three hours (as the hub counts days). */
const TURKIYE_OFFSET_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;
/** Days the reports show when nothing was chosen; the hub's own default. */
export const DEFAULT_RANGE_DAYS = 30;
/** The longest range the hub answers (about ten years). */
export const MAX_RANGE_DAYS = 3_660;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const isDay = (value: string | null | undefined): value is string => !!value && DAY_PATTERN.test(value) && !Number.isNaN(Date.parse(value));

export const turkiyeToday = (now: Date = new Date()): string => new Date(now.getTime() + TURKIYE_OFFSET_MS).toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string => new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);

/** The last `days` days, today included. */
export const lastDays = (days: number, now: Date = new Date()): DayRange => {
  const to = turkiyeToday(now);
  return { from: addDays(to, -(days - 1)), to };
};

/** Days in the range, both ends included; 0 when `from` is after `to`. */
export const daysIn = (r: DayRange): number => Math.max(0, (Date.parse(r.to) - Date.parse(r.from)) / DAY_MS + 1);

/** Why a range cannot be asked for, or null when it can. */
export function rangeProblem(r: DayRange): 'invalid' | 'reversed' | 'tooLong' | null {
  if (!isDay(r.from) || !isDay(r.to)) return 'invalid';
  if (r.from > r.to) return 'reversed';
  return daysIn(r) > MAX_RANGE_DAYS ? 'tooLong' : null;
}

/** The range in a page address (`?from=…&to=…`), else the default. */
export function rangeFromParams(params: URLSearchParams): DayRange {
  const from = params.get('from');
  const to = params.get('to');
  const range = isDay(from) && isDay(to) ? { from, to } : lastDays(DEFAULT_RANGE_DAYS);
  return rangeProblem(range) ? lastDays(DEFAULT_RANGE_DAYS) : range;
}

/** Every day of the range in order (for charts that need a point per day, zero where nothing happened). */
export function eachDay(r: DayRange): string[] {
  const out: string[] = [];
  for (let d = r.from; d <= r.to && out.length <= MAX_RANGE_DAYS; d = addDays(d, 1)) out.push(d);
  return out;
}
