/** Queue, stream, connector and broker health: strings, Turkish first. */
export const tr = {
  'nav.health': 'Sağlık',
  'health.title': 'Sistem sağlığı',
} as const;

export const en: Record<keyof typeof tr, string> = {
  'nav.health': 'Health',
  'health.title': 'System health',
};
