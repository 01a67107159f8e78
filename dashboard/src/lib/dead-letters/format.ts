import { i18n } from '$lib/i18n/i18n.svelte.js';

const TAGS = { tr: 'tr-TR', en: 'en-GB' } as const;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Date and time of an ISO instant, e.g. `24.11.2026 15:09:37` in Turkish. */
export function dateTime(iso: string): string {
  const tag = TAGS[i18n.locale];
  let f = formatters.get(tag);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'medium', hour12: false });
    formatters.set(tag, f);
  }
  return f.format(new Date(iso));
}
