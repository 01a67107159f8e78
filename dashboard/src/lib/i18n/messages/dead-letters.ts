/** Dead-letter search, detail and replay: strings, Turkish first. */
export const tr = {
  'nav.deadLetters': 'Hatalı mesajlar',
  'deadLetters.title': 'Hatalı mesajlar',
} as const;

export const en: Record<keyof typeof tr, string> = {
  'nav.deadLetters': 'Dead letters',
  'deadLetters.title': 'Dead letters',
};
