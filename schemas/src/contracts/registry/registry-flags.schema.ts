import type { LocalizedText } from '../common.schema.js';

/** Reason codes the registry enrichment steps put in `EnrichmentResult.flags`, with their human texts (TR first). */
export const REGISTRY_FLAGS = {
  TRADER_NOT_REGISTERED: { tr: 'Firma ticaret sicilinde (MERSİS) kayıtlı değil', en: 'Trader is not registered in the trade registry (MERSİS)' },
  TRADER_CLOSED: { tr: 'Firma kaydı kapanmış', en: 'Trader is closed' },
  TRADER_IN_LIQUIDATION: { tr: 'Firma tasfiye halinde', en: 'Trader is in liquidation' },
  TRADER_SUSPENDED: { tr: 'Firma faaliyeti durdurulmuş', en: 'Trader is suspended' },
  TRADER_ID_MISMATCH: { tr: 'Vergi kimlik no ile MERSİS no aynı firmayı göstermiyor', en: 'Tax id and MERSİS number point to different firms' },
  REPRESENTATIVE_NOT_AUTHORISED: { tr: 'Temsilci firma adına yetkili değil', en: 'Representative is not authorised for the trader' },
  IDENTITY_MISMATCH: { tr: 'Kimlik bilgileri nüfus kaydıyla (KPS) uyuşmuyor', en: 'Identity does not match the population registry (KPS)' },
  TRADESMAN_NOT_FOUND: { tr: 'Esnaf kaydı (ESBİS) bulunamadı', en: 'No tradesman record (ESBİS)' },
  REGISTRY_UNAVAILABLE: { tr: 'Sicil sorgusu yapılamadı; kimlik doğrulanmadı', en: 'Registry unavailable; identity not verified' },
} as const satisfies Record<string, LocalizedText>;

export type RegistryFlag = keyof typeof REGISTRY_FLAGS;
