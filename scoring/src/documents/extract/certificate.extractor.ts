import type { CertificateFields, DocumentPage } from '@tareks/schemas';
import { documentLines } from '../text/lines.js';
import { parseDate } from '../text/numbers.js';
import { fold } from '../text/turkish.js';
import { confidenceOf, findLabelled } from './labels.js';

type Text = NonNullable<CertificateFields['holder']>;

function labelled(lines: ReturnType<typeof documentLines>, label: RegExp, clean: (v: string) => string = (v) => v): Text | undefined {
  for (const hit of findLabelled(lines, label)) {
    const value = clean(hit.value).trim();
    if (value.length > 1) return { value, confidence: confidenceOf(hit.line, value), page: hit.line.page };
  }
  return undefined;
}

/** Kind, number, date, issuer, holder, product and verdict of a certificate of conformity or a test report. */
export function extractCertificate(pages: readonly DocumentPage[]): CertificateFields {
  const lines = documentLines(pages);
  const all = fold(lines.map((l) => l.text).join('\n'));
  const kind = /test (raporu|report)|rapor no|report no/.test(all) ? 'TEST_REPORT' : 'CERTIFICATE_OF_CONFORMITY';
  const number = labelled(lines, /(belge|sertifika|certificate|rapor|report)\s?(no|numarasi|number)\b/, (v) => /[A-Z0-9][A-Z0-9/.-]{5,}[0-9]/.exec(v.toUpperCase())?.[0] ?? '');
  let issueDate: CertificateFields['issueDate'];
  for (const hit of findLabelled(lines, /^(duzenleme tarihi|date of issue|tarih|date)\b/)) {
    const d = parseDate(hit.value);
    if (d) {
      issueDate = { value: d, confidence: confidenceOf(hit.line, hit.value), page: hit.line.page };
      break;
    }
  }
  const issuer = labelled(lines, /^(onaylanmis kurulus|notified body|laboratuvar|laboratory)\b/, (v) => v.replace(/^.*?:\s*/, '').replace(/\(\s?NB.*$/, '').replace(/^[^A-Za-zÇĞİÖŞÜçğıöşü]+/, ''))
    ?? (kind === 'TEST_REPORT' && lines[1] ? { value: lines[1].cells[0] ?? '', confidence: lines[1].confidence, page: lines[1].page } : undefined);
  const holder = labelled(lines, /^(belge sahibi|holder|basvuru sahibi|applicant|imalatci|manufacturer)\b/, (v) => v.replace(/^.*?:\s*/, ''));
  const product = labelled(lines, /^(urun|product|numune|sample)\b/, (v) => v.replace(/^.*?:\s*/, ''));
  const verdict = findLabelled(lines, /^(genel sonuc|overall result)\b/)[0];
  const verdictText = verdict ? fold(verdict.value) : '';
  const result = verdict
    ? { value: /uygun degil|fail|olumsuz/.test(verdictText) ? 'FAIL' as const : 'PASS' as const, confidence: verdict.line.confidence, page: verdict.line.page }
    : undefined;
  return { kind, number, issueDate, issuer, holder, product, result };
}
