/** Inspector screen: documents, matching, outcome form: strings, Turkish first. */
export const tr = {
  'nav.inspector': 'Denetmen ekranı',
  'inspector.title': 'Denetmen ekranı',
} as const;

export const en: Record<keyof typeof tr, string> = {
  'nav.inspector': 'Inspector screen',
  'inspector.title': 'Inspector screen',
};
