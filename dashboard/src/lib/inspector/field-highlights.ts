import type { Box, DocumentExtraction, OcrWord } from '@tareks/schemas';

/** A word of the page that carries (part of) an extracted field. */
export interface Highlight {
  readonly box: Box;
  readonly text: string;
  /** The fields the word belongs to, e.g. "Fatura no", "Satır 2". */
  readonly labels: readonly string[];
}

export interface FieldLabels {
  invoiceNo: string;
  issueDate: string;
  currency: string;
  seller: string;
  buyer: string;
  total: string;
  subtotal: string;
  certificate: string;
  standards: string;
  gtips: string;
  line: (lineNo: number) => string;
}

interface Candidate {
  readonly label: string;
  readonly text: string;
  /** Only words of this page (invoice lines know theirs). */
  readonly page?: number;
}

/** Case, Turkish dotted/dotless i, accents and punctuation folded away: "İTHALAT-1.234,50" → "ithalat123450". */
export const foldWord = (s: string): string =>
  s
    .toLocaleLowerCase('tr-TR')
    .replace(/ı/g, 'i')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]/gu, '');

/** How the document prints a number: Turkish grouping and decimals (1.234,56), folded to its digits. */
const printedNumber = (n: number): string[] => {
  const two = n.toLocaleString('tr-TR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return Number.isInteger(n) ? [two, String(n)] : [two];
};

/** ISO 2026-11-24 as printed: 24.11.2026 (and 24/11/2026, which folds the same). */
const printedDate = (iso: string): string => iso.split('-').reverse().join('.');

function candidates(x: DocumentExtraction, l: FieldLabels): Candidate[] {
  const out: Candidate[] = [];
  const add = (label: string, text: string | undefined, page?: number) => {
    if (text) out.push({ label, text, ...(page ? { page } : {}) });
  };
  const inv = x.invoice;
  if (inv) {
    add(l.invoiceNo, inv.invoiceNo?.value);
    if (inv.issueDate) add(l.issueDate, printedDate(inv.issueDate.value));
    add(l.currency, inv.currency?.value);
    add(l.seller, inv.seller.name?.value);
    add(l.seller, inv.seller.vkn?.value);
    add(l.buyer, inv.buyer.name?.value);
    add(l.buyer, inv.buyer.vkn?.value);
    for (const n of inv.total ? printedNumber(inv.total.value) : []) add(l.total, n);
    for (const n of inv.subtotal ? printedNumber(inv.subtotal.value) : []) add(l.subtotal, n);
    for (const line of inv.lines) {
      const label = l.line(line.lineNo);
      add(label, line.description, line.page);
      add(label, line.gtip, line.page);
      add(label, line.model, line.page);
      for (const v of [line.unitPrice, line.amount]) if (v !== undefined) for (const n of printedNumber(v)) add(label, n, line.page);
    }
  }
  if (x.certificate?.number) add(l.certificate, x.certificate.number.value);
  for (const c of x.references.certificateNumbers) add(l.certificate, c.value);
  for (const s of x.references.standards) add(l.standards, s.value);
  for (const g of x.references.gtipCodes) add(l.gtips, g.value, g.page);
  return out;
}

/** Tokens worth marking: a letter token of 3+ characters, a number of 3+ digits, or any token of a short field (codes). */
const tokensOf = (text: string): string[] => {
  const whole = foldWord(text);
  const parts = text.split(/\s+/).map(foldWord).filter((t) => t.length >= 3);
  return [...new Set([whole, ...parts])].filter((t) => t.length >= 2);
};

/**
 * The words of page `pageNo` that carry an extracted field, with their boxes from the OCR output: each field value
 * is printed the way the document would print it (Turkish numbers and dates), folded, and compared word by word.
 */
export function fieldHighlights(x: DocumentExtraction, pageNo: number, labels: FieldLabels): Highlight[] {
  const page = x.pages.find((p) => p.pageNo === pageNo);
  if (!page) return [];
  const wanted = new Map<string, Set<string>>();
  for (const c of candidates(x, labels)) {
    if (c.page && c.page !== pageNo) continue;
    for (const t of tokensOf(c.text)) {
      const set = wanted.get(t) ?? new Set<string>();
      set.add(c.label);
      wanted.set(t, set);
    }
  }
  return page.words.flatMap((w: OcrWord): Highlight[] => {
    const found = wanted.get(foldWord(w.text));
    return found ? [{ box: w.box, text: w.text, labels: [...found] }] : [];
  });
}
