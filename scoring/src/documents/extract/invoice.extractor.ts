import { isValidCurrency, isValidTaxId, type DocumentPage, type InvoiceFields, type Party } from '@tareks/schemas';
import { documentLines, type TextLine } from '../text/lines.js';
import { digitsOf, numbersIn, parseDate } from '../text/numbers.js';
import { fold } from '../text/turkish.js';
import { confidenceOf, findLabelled, type Labelled } from './labels.js';
import { extractInvoiceLines } from './invoice-lines.js';

const LETTER_LOOKALIKES: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' };

/** GİB invoice numbers: a three-character series, the year and a nine-digit sequence (16 characters). */
function invoiceNumber(text: string): string | null {
  for (const m of text.toUpperCase().matchAll(/\b[A-Z0-9]{3}\s?[0-9OIlSB]{4}\s?[0-9OIlSB]{9}\b/g)) {
    const raw = m[0].replace(/\s/g, '');
    const series = raw.slice(0, 3).replace(/[012568]/g, (c) => LETTER_LOOKALIKES[c]!);
    const rest = digitsOf(raw.slice(3));
    if (/^[A-Z]{3}20[0-9]{11}$/.test(series + rest)) return series + rest;
  }
  for (const m of text.toUpperCase().matchAll(/\b(?=[A-Z0-9/-]*[0-9])[A-Z0-9][A-Z0-9/-]{4,24}\b/g)) return m[0];
  return null;
}

const FIRM = /\b(a\.?s\.?|ltd|sti|co\.?|gmbh|inc|jsc|s\.?a\.?|srl|llc|limited|corp)\b/;

interface NamedParty {
  name?: { value: string; confidence: number; page: number };
  vkn?: { value: string; confidence: number; valid: boolean; page: number };
}

const VKN = /(?:v\.?\s?k\.?\s?n|vergi\s?(?:kimlik\s?)?no|tax\s?(?:no|id)|vergi\s?numarasi)\b/;

function vknNear(lines: readonly TextLine[], from: number): NamedParty['vkn'] {
  for (const hit of findLabelled(lines.slice(from, from + 5), VKN)) {
    const m = /[0-9OIlSB]{10,11}/.exec(hit.value.replace(/\s/g, ''));
    if (!m) continue;
    const value = digitsOf(m[0]);
    return { value, confidence: confidenceOf(hit.line, m[0]), valid: isValidTaxId(value), page: hit.line.page };
  }
  return undefined;
}

/** A party named after a label (`SAYIN`, `Alıcı`, `Buyer / Alıcı:`): the rest of the cell or the next firm-like line. */
function partyAfter(lines: readonly TextLine[], label: Labelled): NamedParty {
  const inline = label.fromNextCell ? '' : label.value.trim();
  let nameLine = label.lineIndex;
  let name = inline.length > 3 ? inline : '';
  if (!name) {
    nameLine = label.lineIndex + 1;
    name = lines[nameLine]?.cells[0] ?? '';
  }
  const line = lines[nameLine];
  return {
    name: name && line ? { value: name, confidence: confidenceOf(line, name), page: line.page } : undefined,
    vkn: vknNear(lines, nameLine),
  };
}

/** The seller of an e-Fatura is printed unlabelled at the top: the first firm-like cell above the first VKN. */
function unlabelledSeller(lines: readonly TextLine[], before: number): NamedParty {
  for (let i = 0; i < Math.min(before, lines.length); i++) {
    const cell = lines[i]!.cells[0] ?? '';
    if (FIRM.test(fold(cell))) return { name: { value: cell, confidence: confidenceOf(lines[i]!, cell), page: lines[i]!.page }, vkn: vknNear(lines, i) };
  }
  return {};
}

const toParty = (p: NamedParty): Party => ({ ...(p.name ? { name: p.name } : {}), ...(p.vkn ? { vkn: p.vkn } : {}) });

function amountAfter(lines: readonly TextLine[], label: RegExp): InvoiceFields['total'] {
  const hits = findLabelled(lines, label);
  for (const hit of hits.reverse()) {
    const n = numbersIn(hit.value).at(-1);
    if (n) return { value: n.value, confidence: confidenceOf(hit.line, n.raw), page: hit.line.page };
  }
  return undefined;
}

const CURRENCY_WORDS: Record<string, string> = { TL: 'TRY', YTL: 'TRY', '€': 'EUR', $: 'USD' };

function currency(lines: readonly TextLine[]): InvoiceFields['currency'] {
  for (const hit of findLabelled(lines, /(doviz( cinsi)?|para birimi|currency)\b/)) {
    const code = /\b([A-Z]{3}|TL)\b/.exec(hit.value)?.[1];
    const iso = code ? CURRENCY_WORDS[code] ?? code : undefined;
    if (iso && isValidCurrency(iso)) return { value: iso, confidence: confidenceOf(hit.line, code!), page: hit.line.page };
  }
  const counts = new Map<string, number>();
  for (const l of lines) for (const m of l.text.matchAll(/\b(USD|EUR|TRY|TL|GBP|CNY)\b/g)) counts.set(CURRENCY_WORDS[m[1]!] ?? m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? { value: best[0], confidence: 0.6 } : undefined;
}

/** Invoice number, date, parties with VKN, currency, totals and item rows of an invoice (any of our layouts). */
export function extractInvoice(pages: readonly DocumentPage[]): InvoiceFields {
  const lines = documentLines(pages);
  const noHit = findLabelled(lines, /(fatura\s?(no|n0|numarasi)|invoice\s?(no|number))\b/)
    .map((h) => ({ h, v: invoiceNumber(h.value) }))
    .find((x) => x.v);
  const dateHit = findLabelled(lines, /(fatura tarihi|duzenlenme tarihi|invoice date|date|tarih)\b/)
    .map((h) => ({ h, v: parseDate(h.value) }))
    .find((x) => x.v);
  const buyerLabel = findLabelled(lines, /^(buyer\s?\/\s?alici|sayin|alici|buyer)\b/)[0];
  const sellerLabel = findLabelled(lines, /^(seller\s?\/\s?satici|satici|seller)\b/)[0];
  const buyer = buyerLabel ? partyAfter(lines, buyerLabel) : {};
  const seller = sellerLabel ? partyAfter(lines, sellerLabel) : unlabelledSeller(lines, buyerLabel?.lineIndex ?? lines.length);
  return {
    invoiceNo: noHit ? { value: noHit.v!, confidence: confidenceOf(noHit.h.line, noHit.h.value), page: noHit.h.line.page } : undefined,
    issueDate: dateHit ? { value: dateHit.v!, confidence: confidenceOf(dateHit.h.line, dateHit.h.value), page: dateHit.h.line.page } : undefined,
    currency: currency(lines),
    seller: toParty(seller),
    buyer: toParty(buyer),
    subtotal: amountAfter(lines, /(mal hizmet toplam tutari|ara toplam|subtotal)/),
    vat: amountAfter(lines, /(hesaplanan kdv|^kdv\s?\(|vat\b)/),
    total: amountAfter(lines, /(odenecek tutar|genel toplam|vergiler dahil toplam tutar|^total\b|grand total)/),
    lines: extractInvoiceLines(lines),
  };
}
