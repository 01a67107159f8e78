import type { LocalizedText, Reason } from '../common.schema.js';

/** Coded reasons of an authorization decision (`AuthorizationResult.reasons[].code`), TR first. */
export const AUTHORIZATION_REASONS = {
  SIGNATURE_MISSING: { tr: 'Başvuru imzalı değil', en: 'The request is not signed' },
  SIGNATURE_MALFORMED: { tr: 'İmza okunamadı', en: 'The signature cannot be read' },
  SIGNATURE_INVALID: { tr: 'İmza doğrulanamadı veya içerik değiştirilmiş', en: 'Signature does not verify or the content was altered' },
  CERT_UNTRUSTED: { tr: 'Sertifika güvenilir bir kök sertifikaya zincirlenmiyor', en: 'Certificate does not chain to a trusted root' },
  CERT_EXPIRED: { tr: 'Sertifikanın süresi dolmuş', en: 'Certificate has expired' },
  CERT_NOT_YET_VALID: { tr: 'Sertifika henüz geçerli değil', en: 'Certificate is not yet valid' },
  CERT_KEY_USAGE: { tr: 'Sertifika imza için kullanılamaz', en: 'Certificate key usage does not allow signing' },
  SIGNER_TCKN_MISMATCH: { tr: 'İmzalayanın T.C. kimlik numarası başvuranınkiyle aynı değil', en: "Signer's TCKN is not the applicant's" },
  VALIDITY_INVALID: { tr: 'Yetki bitiş tarihi geçmişte veya izin verilen sürenin ötesinde', en: 'Validity end is in the past or beyond the allowed term' },
  IDENTITY_MISMATCH: { tr: 'Kimlik bilgileri nüfus kaydıyla (KPS) uyuşmuyor', en: 'Identity does not match the population registry (KPS)' },
  TRADER_NOT_REGISTERED: { tr: 'Firma ticaret sicilinde (MERSİS) kayıtlı değil', en: 'Trader is not registered in the trade registry (MERSİS)' },
  TRADER_CLOSED: { tr: 'Firma kaydı kapanmış', en: 'Trader is closed' },
  TRADER_SUSPENDED: { tr: 'Firma faaliyeti durdurulmuş', en: 'Trader is suspended' },
  TRADER_IN_LIQUIDATION: { tr: 'Firma tasfiye halinde; elle inceleme gerekir', en: 'Trader is in liquidation; needs manual review' },
  TRADESMAN_NOT_FOUND: { tr: 'Esnaf kaydı (ESBİS) bulunamadı', en: 'No tradesman record (ESBİS)' },
  NOT_A_REPRESENTATIVE: { tr: 'Başvuran firmanın yetkilisi değil', en: 'Applicant is not a representative of the trader' },
  AUTHORITY_ENDS_BEFORE_VALIDITY: { tr: 'Temsil yetkisi istenen bitiş tarihinden önce sona eriyor', en: "Applicant's authority ends before the requested validity end" },
  AUTHORITY_NOT_SOLE: { tr: 'Temsil yetkisi müşterek veya sınırlı; elle inceleme gerekir', en: 'Authority is joint or limited; needs manual review' },
  DELEGATION_NEEDS_REVIEW: { tr: 'Başka bir kişi adına yetki talebi elle incelenecek', en: 'Acting for someone else needs manual review' },
  REGISTRY_UNAVAILABLE: { tr: 'Sicil sorgusu yapılamadı; elle inceleme gerekir', en: 'Registry unavailable; needs manual review' },
  AUTHORISED_REPRESENTATIVE: { tr: 'Başvuran firmanın tek başına yetkili temsilcisi', en: 'Applicant is a sole authorised representative of the trader' },
  TRADESMAN_HIMSELF: { tr: 'Başvuran esnafın kendisi', en: 'Applicant is the tradesman himself' },
  REVIEW_APPROVED: { tr: 'Elle incelemede onaylandı', en: 'Approved on manual review' },
  REVIEW_REJECTED: { tr: 'Elle incelemede reddedildi', en: 'Rejected on manual review' },
  DEMO_SEEDED: { tr: 'Demo dünyası için önceden onaylanmış yetki', en: 'Pre-approved authorization of the demo world' },
} as const satisfies Record<string, LocalizedText>;

export type AuthorizationReasonCode = keyof typeof AUTHORIZATION_REASONS;

/** A coded reason of an authorization decision, with its Turkish and English text. */
export const authorizationReason = (code: AuthorizationReasonCode): Reason => ({ code, weight: 1, text: { ...AUTHORIZATION_REASONS[code] } });
