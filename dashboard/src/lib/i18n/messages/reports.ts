/** BI reports: strings, Turkish first. */
export const tr = {
  'nav.reports': 'Raporlar',
  'reports.title': 'Raporlar',
} as const;

export const en: Record<keyof typeof tr, string> = {
  'nav.reports': 'Reports',
  'reports.title': 'Reports',
};
