import { normaliseGtip, type ReferenceFields } from '@tareks/schemas';
import { digitsOf } from '../text/numbers.js';
import { fold } from '../text/turkish.js';
import type { TextLine } from '../text/lines.js';
import { confidenceOf, findLabelled } from './labels.js';

type Found = ReferenceFields['standards'][number];

/** 12 digits as `9503.00.49.00.00`, `950300490000` or with OCR's stray commas and spaces. */
const GTIP = /(?<![0-9A-Za-z.,-])[0-9OolI]{4}[.,]?\s?[0-9OolI]{2}[.,]?\s?[0-9OolI]{2}[.,]?\s?[0-9OolI]{2}[.,]?\s?[0-9OolI]{2}(?![0-9])/g;

/** Thirteen digits where a GTİP stood: OCR doubled one glyph of a run, usually of the trailing zeros. */
const GTIP_PLUS_ONE = /(?<![0-9A-Za-z.,-])[0-9]{13}(?![0-9])/g;

/** Drops one digit of the longest run of equal digits (the last such run on a tie), if that leaves a valid GTİP. */
function undouble(digits: string): string | null {
  const runs = [...digits.matchAll(/([0-9])\1+/g)];
  const longest = runs.reduce<RegExpExecArray | null>((best, r) => (!best || r[0].length >= best[0].length ? (r as RegExpExecArray) : best), null);
  return longest ? normaliseGtip(digits.slice(0, longest.index) + digits.slice(longest.index + 1)) : null;
}

/** GTİP codes in a text, normalised to 12 digits and validated; `repaired` when OCR had doubled a digit. */
export function gtipsIn(text: string): { gtip: string; index: number; length: number; repaired?: boolean }[] {
  const out: { gtip: string; index: number; length: number; repaired?: boolean }[] = [];
  for (const m of text.matchAll(GTIP)) {
    const gtip = normaliseGtip(digitsOf(m[0].replace(/\s/g, '')));
    if (gtip) out.push({ gtip, index: m.index, length: m[0].length });
  }
  for (const m of text.matchAll(GTIP_PLUS_ONE)) {
    const gtip = undouble(m[0]);
    if (gtip) out.push({ gtip, index: m.index, length: m[0].length, repaired: true });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Standard references: `EN 71-1:2014+A1:2018`, `TS EN 60335-1:2012`, `EN ISO 12100:2010`, `IEC 60884-1`.
 * Tesseract's Turkish data has no `+`: `2014+A1` comes out as `20144A1`, `2014 A1`, `2014--A1` or
 * `2012-*4- A15`, repaired here.
 */
const STANDARD = /\b((?:TS|BS|DIN)\s+)?(EN|IEC|ISO)(\s+(?:ISO|IEC))?\s*([0-9]{2,5}(?:\s?-\s?[0-9]{1,3}){0,3})(?:\s?:\s?((?:19|20)[0-9]{2}))?((?:\s?\+?\s?A[0-9]{1,2}(?:\s?:\s?(?:19|20)[0-9]{2})?)*)/g;

export function standardsIn(text: string): string[] {
  const repaired = text.replace(/((?:19|20)[0-9]{2})[\s*+4tf-]{0,5}(A[0-9]{1,2}\s?:)/g, '$1+$2');
  const out: string[] = [];
  for (const m of repaired.matchAll(STANDARD)) {
    const [, national, body, second, number, year, amendments] = m;
    const amend = (amendments ?? '').match(/A[0-9]{1,2}(?:\s?:\s?[0-9]{4})?/g)?.map((a) => `+${a.replace(/\s/g, '')}`).join('') ?? '';
    const ref = `${national ? `${national.trim()} ` : ''}${body}${second ? ` ${second.trim()}` : ''} ${number!.replace(/\s/g, '')}${year ? `:${year}` : ''}${amend}`;
    out.push(ref);
  }
  return out;
}

/** `EN 71-1:2014+A1:2018` → `EN 71`; `TS EN ISO 20347:2012` → `EN ISO 20347`: the family a GTİP chapter needs. */
export function standardFamily(ref: string): string {
  return ref.replace(/^(TS|BS|DIN)\s+/, '').replace(/[-:+].*$/, '');
}

const CERTIFICATE_LABEL = /(belge|sertifika|certificate|rapor|report)\s*(no|numarasi|number)\b/;
const MODEL_LABEL = /^(model(\(ler\)|\(s\)|ler)?|tip|type)\b/;
const MODEL = /\b[A-Z]{1,4}-?[0-9]{2,6}[A-Z0-9]*(?:-[A-Z0-9]+)?\b/g;
const CERT_NO = /[A-Z0-9][A-Z0-9/.-]{5,}[0-9]/;

function unique(list: Found[]): Found[] {
  const seen = new Map<string, Found>();
  for (const f of list) {
    const prev = seen.get(f.value);
    if (!prev || prev.confidence < f.confidence) seen.set(f.value, f);
  }
  return [...seen.values()];
}

/** Tariff codes, CE marking, standards, certificate / report numbers, notified bodies and model numbers. */
export function extractReferences(lines: readonly TextLine[]): ReferenceFields {
  const gtipCodes: ReferenceFields['gtipCodes'] = [];
  const standards: Found[] = [];
  const notifiedBodies: Found[] = [];
  let ce: ReferenceFields['ceMarking'] = { value: false, confidence: 0.5 };
  for (const line of lines) {
    for (const g of gtipsIn(line.text)) {
      const confidence = confidenceOf(line, line.text.slice(g.index, g.index + g.length)) * (g.repaired ? 0.8 : 1);
      gtipCodes.push({ value: g.gtip, confidence, valid: true, page: line.page });
    }
    for (const s of standardsIn(line.text)) standards.push({ value: s, confidence: line.confidence, page: line.page });
    for (const m of line.text.matchAll(/\b(?:NB|CE)\s?([0-9]{4})\b|\(\s?NB\s?([0-9]{4})\s?\)/g)) {
      notifiedBodies.push({ value: m[1] ?? m[2]!, confidence: line.confidence, page: line.page });
    }
    const folded = fold(line.text);
    if (/\bCE\b/.test(line.text) && (/\bce (isareti|marking|mark)\b/.test(folded) || line.words.some((w) => w.text === 'CE'))) {
      ce = { value: true, confidence: Math.max(ce.value ? ce.confidence : 0, line.confidence), page: line.page };
    }
  }
  const certificateNumbers = findLabelled(lines, CERTIFICATE_LABEL)
    .map((l) => ({ l, m: CERT_NO.exec(l.value.toUpperCase()) }))
    .filter((x) => x.m)
    .map(({ l, m }) => ({ value: m![0], confidence: confidenceOf(l.line, m![0]), page: l.line.page }));
  const modelNumbers = findLabelled(lines, MODEL_LABEL).flatMap((l) =>
    [...l.value.matchAll(MODEL)].map((m) => ({ value: m[0], confidence: confidenceOf(l.line, m[0]), page: l.line.page })));
  return {
    gtipCodes: unique(gtipCodes),
    ceMarking: ce,
    standards: unique(standards),
    certificateNumbers: unique(certificateNumbers),
    notifiedBodies: unique(notifiedBodies),
    modelNumbers: unique(modelNumbers),
  };
}
