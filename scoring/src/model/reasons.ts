import type { LocalizedText, Reason } from '@tareks/schemas';
import { contributions } from './contributions.js';
import type { GbdtModel } from './gbdt.types.js';

/** Reason codes of the model, with Turkish and English text; features map onto them by name. */
export const MODEL_REASON_TEXT: Readonly<Record<string, LocalizedText>> = {
  TRADER_HISTORY: { tr: 'Firmanın geçmiş denetimlerinde uygunsuzluk oranı yüksek', en: 'The trader’s past inspections found non-compliance often' },
  DECLARANT_HISTORY: { tr: 'Beyan sahibinin (müşavir) geçmiş beyanlarında uygunsuzluk sık', en: 'Items filed by this declarant were often non-compliant' },
  PRODUCT_HISTORY: { tr: 'Bu GTİP’te uygunsuzluk sık görülüyor', en: 'Non-compliance is frequent for this tariff code' },
  ORIGIN_HISTORY: { tr: 'Menşe ülkeden gelen ürünlerde uygunsuzluk sık', en: 'Goods from this origin are often non-compliant' },
  ORIGIN_PRODUCT_HISTORY: { tr: 'Bu menşe ve ürün grubu birlikte riskli', en: 'This origin and product group together are risky' },
  OFFICE_HISTORY: { tr: 'Bu gümrük idaresinde uygunsuzluk oranı yüksek', en: 'Non-compliance is frequent at this customs office' },
  BRAND_RISK: { tr: 'Marka bilgisi eksik veya riskli', en: 'The brand is missing, rare or associated with non-compliance' },
  UNUSUAL_VALUE: { tr: 'Kilogram başına kıymet GTİP normundan sapıyor', en: 'Value per kg deviates from the norm of the tariff line' },
  CONSIGNMENT_SIZE: { tr: 'Sevkiyatın miktarı veya kıymeti olağan dışı', en: 'Unusual quantity, mass or value of the consignment' },
  CE_MARKING: { tr: 'CE işareti beyan edilmemiş', en: 'No CE marking declared' },
  DOCUMENTS: { tr: 'Beyana eklenen belge sayısı az', en: 'Few documents attached to the declaration' },
  NEW_TRADER: { tr: 'Firma yeni veya az sayıda beyanı var', en: 'The trader is new or has few declarations' },
  DECLARANT_PROFILE: { tr: 'Beyan sahibinin temsil ettiği firma profili olağan dışı', en: 'Unusual set of firms represented by the declarant' },
  PRODUCT_TYPE: { tr: 'Ürün grubu riskli', en: 'The product group carries risk' },
};

const CODE_BY_PREFIX: readonly [string, string][] = [
  ['trader_age', 'NEW_TRADER'],
  ['log_trader_declarations', 'NEW_TRADER'],
  ['trader_', 'TRADER_HISTORY'],
  ['declarant_', 'DECLARANT_HISTORY'],
  ['log_declarant', 'DECLARANT_PROFILE'],
  ['gtip12', 'PRODUCT_HISTORY'],
  ['gtip6', 'PRODUCT_HISTORY'],
  ['gtip4', 'PRODUCT_HISTORY'],
  ['gtip2', 'PRODUCT_HISTORY'],
  ['origin_gtip4', 'ORIGIN_PRODUCT_HISTORY'],
  ['origin_', 'ORIGIN_HISTORY'],
  ['office_', 'OFFICE_HISTORY'],
  ['brand', 'BRAND_RISK'],
  ['log_brand', 'BRAND_RISK'],
  ['value_per_kg', 'UNUSUAL_VALUE'],
  ['log_value', 'CONSIGNMENT_SIZE'],
  ['log_net_mass', 'CONSIGNMENT_SIZE'],
  ['log_quantity', 'CONSIGNMENT_SIZE'],
  ['ce_marked', 'CE_MARKING'],
  ['document_count', 'DOCUMENTS'],
];

/** The reason code a feature's contribution is reported under. */
export function reasonCodeOf(feature: string): string {
  let best: [string, string] | undefined;
  for (const entry of CODE_BY_PREFIX) if (feature.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1] ?? 'PRODUCT_TYPE';
}

/** Reason code of each feature column, worked out once per model (it is asked for every item scored). */
const codesByModel = new WeakMap<GbdtModel, readonly string[]>();
function featureCodes(model: GbdtModel): readonly string[] {
  let codes = codesByModel.get(model);
  if (!codes) codesByModel.set(model, (codes = model.featureNames.map(reasonCodeOf)));
  return codes;
}

/**
 * The top reasons raising an item's risk: path contributions summed per reason code, positive ones
 * only, strongest first; `weight` is the log-odds share.
 */
export function explain(model: GbdtModel, x: Float32Array, offset = 0, top = 3): Reason[] {
  const { byFeature } = contributions(model, x, offset);
  const byCode = new Map<string, number>();
  featureCodes(model).forEach((code, f) => byCode.set(code, (byCode.get(code) ?? 0) + byFeature[f]!));
  return [...byCode]
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([code, weight]) => ({ code, weight: Math.round(weight * 1e4) / 1e4, text: MODEL_REASON_TEXT[code]! }));
}
