import type { InvoiceLine } from '@tareks/schemas';
import { numbersIn } from '../text/numbers.js';
import { fold } from '../text/turkish.js';
import type { TextLine } from '../text/lines.js';
import { gtipsIn } from './references.js';

/** Unit words as invoices print them (Turkish and English) → the declaration's units. */
const UNITS: Record<string, string> = {
  adet: 'ADET', ad: 'ADET', pcs: 'ADET', pc: 'ADET', piece: 'ADET', pieces: 'ADET', set: 'ADET', units: 'ADET',
  pos: 'ADET', pes: 'ADET', // OCR's readings of PCS
  kg: 'KG', kilo: 'KG', kgs: 'KG', cift: 'CIFT', pairs: 'CIFT', pair: 'CIFT', prs: 'CIFT', m2: 'M2', 'm²': 'M2', lt: 'LT', litre: 'LT', l: 'LT',
};
const MODEL = /\b[A-Z]{1,4}-[0-9]{2,6}[A-Z0-9]*\b/;

/** Relative tolerance of quantity × unit price = amount (rounding of the printed unit price). */
const PRODUCT_TOLERANCE = 0.006;

const agrees = (q: number, p: number, a: number): boolean => a > 0 && Math.abs(q * p - a) <= Math.max(0.02, PRODUCT_TOLERANCE * a);

/** Where the last unit word of the line sits: the unit column follows the description, which may say `9 kg` too. */
function lastUnit(text: string): { unit: string; index: number } | null {
  let found: { unit: string; index: number } | null = null;
  for (const m of text.matchAll(/[A-Za-zÇçĞğİıÖöŞşÜü²0-9]+/g)) {
    const unit = UNITS[fold(m[0])];
    if (unit && m[0] !== 'l') found = { unit, index: m.index };
  }
  return found;
}

type Found = { value: number; index: number };

/** The unit price and amount after the quantity at `qi` such that quantity × price = amount. */
function priceAndAmount(numbers: readonly Found[], qi: number): { price: number; amount: number } | null {
  const q = numbers[qi]!.value;
  for (let j = numbers.length - 1; j > qi; j--) {
    for (let i = qi + 1; i < j; i++) {
      if (agrees(q, numbers[i]!.value, numbers[j]!.value)) return { price: numbers[i]!.value, amount: numbers[j]!.value };
    }
  }
  return null;
}

interface Figures {
  readonly qi: number;
  readonly price: number;
  readonly amount: number;
  /** 1 when quantity × price = amount as read; lower when a figure had to be inferred or taken by position. */
  readonly certainty: number;
}

/**
 * Which numbers of a row are quantity, unit price and amount. First choice: the number before the unit word,
 * with a price and an amount that multiply out; then any triple that multiplies out; then a misread price
 * recomputed as amount ÷ quantity when that is a price in cents; last, by position alone.
 */
function figures(numbers: readonly Found[], unitIndex: number | undefined): Figures | null {
  const beforeUnit = unitIndex === undefined ? -1 : numbers.findLastIndex((n) => n.index < unitIndex);
  const candidates = beforeUnit >= 0 ? [beforeUnit, ...numbers.keys()] : [...numbers.keys()];
  for (const qi of candidates) {
    const pa = priceAndAmount(numbers, qi);
    if (pa) return { qi, ...pa, certainty: 1 };
  }
  if (beforeUnit < 0 || numbers.length - beforeUnit < 2) return null;
  const q = numbers[beforeUnit]!.value;
  const amount = numbers[numbers.length - 1]!.value;
  const inferred = Math.round((amount / q) * 100) / 100;
  if (q > 0 && Math.abs(inferred * q - amount) <= 0.005) return { qi: beforeUnit, price: inferred, amount, certainty: 0.8 };
  if (numbers.length - beforeUnit < 3) return null;
  return { qi: beforeUnit, price: numbers[beforeUnit + 1]!.value, amount, certainty: 0.6 };
}

/** An item row: optional row number, then description, GTİP, quantity, unit, price and amount in any column order. */
export function parseInvoiceRow(line: TextLine): (Omit<InvoiceLine, 'lineNo'> & { lineNo?: number }) | null {
  const text = line.text.replace(/([0-9]);([0-9])/g, '$1,$2');
  // A row number OCR turned into letters (`l`, `il`, `z`) is cut off but not trusted: the row order numbers it.
  const head = /^\s*([0-9]{1,3}|[0-9OoIilzZSsD|]{1,2})[.)]?\s+/.exec(text);
  const headNo = head && /^[0-9]+$/.test(head[1]!) ? Number(head[1]) : undefined;
  const start = head && (headNo === undefined || headNo >= 1) ? head[0].length : 0;
  const gtip = gtipsIn(text)[0];
  if (!start && !gtip) return null;
  const unit = lastUnit(text);
  const blanked = gtip ? text.slice(0, gtip.index) + ' '.repeat(gtip.length) + text.slice(gtip.index + gtip.length) : text;
  const numbers = numbersIn(blanked, unit?.index).filter((n) => n.index >= start);
  const f = figures(numbers, unit?.index);
  if (!f) return null;
  const description = blanked.slice(start, numbers[f.qi]!.index).replace(/\s+/g, ' ').trim();
  if (!description) return null;
  return {
    ...(headNo ? { lineNo: headNo } : {}), description, quantity: numbers[f.qi]!.value, unit: unit?.unit, unitPrice: f.price, amount: f.amount,
    gtip: gtip?.gtip, model: MODEL.exec(description)?.[0], confidence: Math.round(line.confidence * f.certainty * (gtip?.repaired ? 0.8 : 1) * 1000) / 1000, page: line.page,
  };
}

/**
 * Item rows of an invoice in page order. A row whose number could not be read takes the number after the
 * previous row's; a row number seen twice keeps its most confident reading.
 */
export function extractInvoiceLines(lines: readonly TextLine[]): InvoiceLine[] {
  const rows = new Map<number, InvoiceLine>();
  let previous = 0;
  for (const l of lines) {
    const parsed = parseInvoiceRow(l);
    if (!parsed) continue;
    const row: InvoiceLine = { ...parsed, lineNo: parsed.lineNo ?? previous + 1 };
    previous = row.lineNo;
    const prev = rows.get(row.lineNo);
    if (!prev || prev.confidence < row.confidence) rows.set(row.lineNo, row);
  }
  return [...rows.values()].sort((a, b) => a.lineNo - b.lineNo);
}
