import { i18n, type Locale } from '$lib/i18n/i18n.svelte.js';

const TAGS: Record<Locale, string> = { tr: 'tr-TR', en: 'en-GB' };

function formattersFor(locale: Locale) {
  const tag = TAGS[locale];
  return {
    // Report days are calendar days: formatted in UTC so the viewer's own zone never moves them.
    day: new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
    dayShort: new Intl.DateTimeFormat(tag, { day: '2-digit', month: 'short', timeZone: 'UTC' }),
    dateTime: new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Istanbul' }),
  };
}

const cache = new Map<Locale, ReturnType<typeof formattersFor>>();
const current = () => {
  const locale = i18n.locale;
  let f = cache.get(locale);
  if (!f) cache.set(locale, (f = formattersFor(locale)));
  return f;
};

/** `2026-01-24` → `24.01.2026` (tr) / `24/01/2026` (en). */
export const formatDay = (day: string): string => current().day.format(new Date(`${day}T00:00:00Z`));

/** `2026-01-24` → `24 Oca` (tr) / `24 Jan` (en), for chart axes. */
export const formatDayShort = (day: string | number | Date): string => current().dayShort.format(typeof day === 'string' ? new Date(`${day}T00:00:00Z`) : day);

/** An instant in Türkiye time, e.g. `24.01.2026 15:09:37`. */
export const formatDateTime = (iso: string): string => current().dateTime.format(new Date(iso));
