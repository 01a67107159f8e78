import type { DocumentReasonCode, Reason } from '@tareks/schemas';

/** Weight (suggested score contribution, 0–1) and the human text of every document reason. */
export const DOCUMENT_REASONS: Readonly<Record<DocumentReasonCode, { weight: number; tr: string; en: string }>> = {
  DOCUMENT_UNREADABLE: { weight: 0.3, tr: 'Belge okunamadı', en: 'A document could not be read' },
  INVOICE_MISSING: { weight: 0.4, tr: 'Fatura eklenmemiş', en: 'No invoice attached' },
  INVOICE_PARTY_MISMATCH: { weight: 0.5, tr: 'Faturadaki alıcı/satıcı VKN beyan sahibiyle uyuşmuyor', en: 'Invoice party tax number differs from the declarant' },
  INVOICE_CURRENCY_MISMATCH: { weight: 0.2, tr: 'Fatura döviz cinsi beyandan farklı', en: 'Invoice currency differs from the declaration' },
  ITEM_NOT_ON_INVOICE: { weight: 0.5, tr: 'Kalem faturada bulunamadı', en: 'Item not found on the invoice' },
  INVOICE_LINE_NOT_DECLARED: { weight: 0.4, tr: 'Faturadaki bir satır beyan edilmemiş', en: 'An invoice line was not declared' },
  QUANTITY_MISMATCH: { weight: 0.4, tr: 'Miktar faturayla uyuşmuyor', en: 'Quantity differs from the invoice' },
  UNIT_PRICE_MISMATCH: { weight: 0.2, tr: 'Birim fiyat faturayla uyuşmuyor', en: 'Unit price differs from the invoice' },
  ITEM_VALUE_MISMATCH: { weight: 0.3, tr: 'Kalem kıymeti faturayla uyuşmuyor', en: 'Item value differs from the invoice' },
  DECLARED_VALUE_BELOW_INVOICE: { weight: 0.6, tr: 'Beyan edilen kıymet fatura tutarının altında', en: 'Declared value is below the invoice amount' },
  GTIP_MISMATCH: { weight: 0.5, tr: 'GTİP faturadakinden farklı', en: 'Tariff code differs from the invoice' },
  CERTIFICATE_MISSING: { weight: 0.5, tr: 'Uygunluk belgesi veya test raporu yok', en: 'No certificate of conformity or test report' },
  CERTIFICATE_STANDARD_NOT_RELEVANT: { weight: 0.4, tr: 'Belgedeki standartlar ürün grubuna uygun değil', en: 'The certificate names no standard relevant to the product' },
  CERTIFICATE_NUMBER_MISMATCH: { weight: 0.4, tr: 'Beyan edilen belge numarası eklerde yok', en: 'Declared certificate number not found in the documents' },
  CE_MARKING_MISSING: { weight: 0.3, tr: 'CE işareti belgelerde görülmedi', en: 'CE marking not seen in the documents' },
  DOCUMENTS_TIMED_OUT: { weight: 0.2, tr: 'Belgeler süresinde okunamadı, karar belgesiz verildi', en: 'Documents were not read in time; decided without them' },
};

/** A reason with its weight scaled by how sure we are of the evidence (OCR confidence, size of the gap). */
export function reason(code: DocumentReasonCode, strength = 1): Reason {
  const r = DOCUMENT_REASONS[code];
  return { code, weight: Math.round(r.weight * Math.max(0, Math.min(1, strength)) * 1000) / 1000, text: { tr: r.tr, en: r.en } };
}
