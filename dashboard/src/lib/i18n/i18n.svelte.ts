import { MESSAGES, type Locale, type MessageKey } from './messages.js';

export type { Locale, MessageKey };
export const LOCALES: readonly Locale[] = ['tr', 'en'];

const STORAGE_KEY = 'tareks.locale';
const INTL_LOCALE: Record<Locale, string> = { tr: 'tr-TR', en: 'en-GB' };

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'tr';
  } catch {
    return 'tr';
  }
}

/** Intl formatters are costly to build, so one set lives per locale and rows reuse it. */
function formattersFor(locale: Locale) {
  const tag = INTL_LOCALE[locale];
  return {
    integer: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
    decimal1: new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    percent: new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }),
    score: new Intl.NumberFormat(tag, { minimumFractionDigits: 3, maximumFractionDigits: 3 }),
    time: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }),
    timeShort: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hour12: false }),
  };
}

class I18n {
  locale = $state<Locale>(storedLocale());
  readonly #formatters = $derived(formattersFor(this.locale));

  constructor() {
    document.documentElement.lang = this.locale;
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Storage can be disabled (private mode, policy); the choice then lasts for this page only.
    }
  }

  t(key: MessageKey, params: Record<string, string | number> = {}): string {
    return MESSAGES[this.locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  }

  integer(value: number): string {
    return this.#formatters.integer.format(value);
  }

  decimal(value: number): string {
    return this.#formatters.decimal1.format(value);
  }

  /** `0.125` → `%12,5` in Turkish, `12.5%` in English. */
  percent(ratio: number): string {
    return this.#formatters.percent.format(ratio);
  }

  score(value: number): string {
    return this.#formatters.score.format(value);
  }

  /** Wall-clock time of an ISO date-time, e.g. `15:09:37`. */
  time(iso: string | number | Date): string {
    return this.#formatters.time.format(new Date(iso));
  }

  timeShort(date: Date): string {
    return this.#formatters.timeShort.format(date);
  }
}

/** The one i18n instance; the app renders only in the browser (`ssr = false`). */
export const i18n = new I18n();
