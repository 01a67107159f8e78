import { i18n } from '$lib/i18n/i18n.svelte.js';

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** `1536` → `1,5 KB` (binary multiples, one decimal). */
export function bytes(value: number): string {
  let v = value;
  let unit = 0;
  while (v >= 1024 && unit < UNITS.length - 1) {
    v /= 1024;
    unit++;
  }
  const unitName = UNITS[unit]!;
  return i18n.t(`health.bytes.${unitName}`, { value: unit === 0 ? i18n.integer(v) : i18n.decimal(v) });
}

/** Seconds as `2 g 3 sa`, `3 sa 12 dk` or `12 dk`. */
export function duration(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days) return i18n.t('health.duration.days', { days, hours });
  if (hours) return i18n.t('health.duration.hours', { hours, minutes });
  return i18n.t('health.duration.minutes', { minutes });
}
