/** Model versions, shadow comparison, promotion (admin): strings, Turkish first. */
export const tr = {
  'nav.models': 'Modeller',
  'models.title': 'Modeller',
} as const;

export const en: Record<keyof typeof tr, string> = {
  'nav.models': 'Models',
  'models.title': 'Models',
};
