import type { LocalizedText } from '@tareks/schemas';

/** Human texts of the rule baseline's reason codes (registry flags included). */
export const RULE_REASON_TEXT: Readonly<Record<string, LocalizedText>> = {
  RISKY_GTIP: { tr: 'Riskli ürün grubu (GTİP)', en: 'Risky product group (GTİP)' },
  RISKY_ORIGIN: { tr: 'Riskli menşe ülke', en: 'Risky country of origin' },
  TRADER_HIGH_NON_COMPLIANCE: { tr: 'Firmanın uygunsuzluk oranı yüksek', en: "Trader's non-compliance rate is high" },
  TRADER_PAST_NON_COMPLIANCE: { tr: 'Firmanın geçmişte uygunsuzluğu var', en: 'Trader has past non-compliance' },
  FIRST_TIME_TRADER: { tr: 'İlk kez işlem yapan firma', en: 'First-time trader' },
  VALUE_BELOW_NORM: { tr: 'Kilogram başına değer fasıl normunun çok altında', en: 'Value per kg far below the chapter norm' },
  TRADER_NOT_REGISTERED: { tr: 'Firma sicilde kayıtlı değil', en: 'Trader not registered' },
  TRADER_CLOSED: { tr: 'Firma kapanmış', en: 'Trader closed' },
  TRADER_IN_LIQUIDATION: { tr: 'Firma tasfiye halinde', en: 'Trader in liquidation' },
  REPRESENTATIVE_NOT_AUTHORISED: { tr: 'Temsilci firma adına yetkili değil', en: 'Representative not authorised for the trader' },
  IDENTITY_MISMATCH: { tr: 'Kimlik bilgileri nüfus kaydıyla uyuşmuyor', en: 'Identity does not match the population registry' },
  TRADESMAN_NOT_FOUND: { tr: 'Esnaf kaydı bulunamadı', en: 'Tradesman record not found' },
  REGISTRY_UNAVAILABLE: { tr: 'Sicil sorgusu yapılamadı', en: 'Registry could not be queried' },
  DOCUMENT_UNREADABLE: { tr: 'Belge okunamadı', en: 'Document unreadable' },
};

export function reasonText(code: string): LocalizedText {
  return RULE_REASON_TEXT[code] ?? { tr: code, en: code };
}
