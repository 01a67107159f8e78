/** Declaration timeline and items: strings, Turkish first. */
export const tr = {
  'nav.declaration': 'Beyanname',
  'declaration.title': 'Beyanname',
} as const;

export const en: Record<keyof typeof tr, string> = {
  'nav.declaration': 'Declaration',
  'declaration.title': 'Declaration',
};
