/** Product risk map: strings, Turkish first. */
export const tr = {
  'nav.riskMap': 'Risk haritası',
  'riskMap.title': 'Ürün risk haritası',
} as const;

export const en: Record<keyof typeof tr, string> = {
  'nav.riskMap': 'Risk map',
  'riskMap.title': 'Product risk map',
};
