import type { DocumentType } from '@tareks/schemas';
import { fold } from '../text/turkish.js';

const CUES: readonly [DocumentType, RegExp][] = [
  ['INVOICE', /\b(fatura|invoice|kdv|ettn|odenecek|ara toplam|birim fiyat|unit price)\b/g],
  ['CERTIFICATE_OF_CONFORMITY', /\b(belge|certificate|sertifika|uygunluk|conformity|notified body|onaylanmis kurulus|type-examination|inceleme)\b/g],
  ['TEST_REPORT', /\b(test raporu|test report|rapor no|report no|numune|sample|overall result|genel sonuc)\b/g],
  ['PACKING_LIST', /\b(packing list|ceki listesi|gross weight|brut agirlik)\b/g],
];

/** What a document is, from the words it uses most: invoice, certificate, test report, packing list or other. */
export function classifyDocument(text: string): DocumentType {
  const folded = fold(text);
  let best: DocumentType = 'OTHER';
  let bestScore = 1;
  for (const [type, cue] of CUES) {
    const score = folded.match(cue)?.length ?? 0;
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  return best;
}
