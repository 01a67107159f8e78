import { i18n } from '$lib/i18n/i18n.svelte.js';

const TAGS = { tr: 'tr-TR', en: 'en-GB' } as const;
const cache = new Map<string, Intl.DateTimeFormat>();

/** Date and time to the millisecond, e.g. `15.01.2026 10:00:02,125` in Turkish: stages of one declaration are milliseconds apart. */
export function dateTimeMs(iso: string): string {
  const tag = TAGS[i18n.locale];
  let f = cache.get(tag);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false });
    cache.set(tag, f);
  }
  return f.format(new Date(iso));
}

/** A duration in milliseconds, one decimal below 100 ms, whole above. */
export const duration = (ms: number): string => (ms < 100 ? i18n.decimal(ms) : i18n.integer(ms));
