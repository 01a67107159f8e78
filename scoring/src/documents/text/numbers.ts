/** Numbers and dates as Turkish and English documents print them, read through OCR confusions. */

const DIGIT_LOOKALIKES: Record<string, string> = { O: '0', o: '0', D: '0', Q: '0', l: '1', I: '1', i: '1', '|': '1', S: '5', s: '5', B: '8', Z: '2', z: '2', g: '9' };

/** Replaces letters OCR confuses with digits, only inside a token that is mostly digits. */
export function digitsOf(token: string): string {
  const digits = token.replace(/[^0-9]/g, '').length;
  if (digits < token.replace(/[.,\s]/g, '').length / 2) return token;
  return token.replace(/[OoDQlIi|SsBZzg]/g, (c) => DIGIT_LOOKALIKES[c]!);
}

/**
 * Parses `1.234,56` (Turkish), `1,234.56` (English), `405,41`, `2.37`, `1.100` (thousands) and `40`.
 * A single separator followed by exactly three digits is a thousands separator; by two, a decimal one.
 */
export function parseNumber(raw: string): number | null {
  const t = digitsOf(raw.trim()).replace(/^[^0-9-]+|[^0-9]+$/g, '');
  if (!/^-?[0-9][0-9.,' ]*$/.test(t)) return null;
  const s = t.replace(/[' ]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    normal = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    const tail = parts[parts.length - 1]!;
    normal = parts.length > 2 || tail.length === 3 ? parts.join('') : `${parts.slice(0, -1).join('')}.${tail}`;
  } else {
    normal = s;
  }
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

const QUANTITY_LOOKALIKES: Record<string, string> = { ...DIGIT_LOOKALIKES, T: '7', D: '0' };

/**
 * Tokens of a text that read as numbers, in order, with their positions in the text. The word just before
 * `unitAt` (where a unit word starts) is a quantity even when OCR turned all its digits into letters (`SO PCS`).
 */
export function numbersIn(text: string, unitAt?: number): { value: number; raw: string; index: number }[] {
  const out: { value: number; raw: string; index: number }[] = [];
  if (unitAt !== undefined) {
    const m = /(?<![A-Za-z0-9.,])([OoIlSBZzgTD][OoIlSBZzgTD.,]*)\s+$/.exec(text.slice(0, unitAt));
    const value = m ? parseNumber(m[1]!.replace(/[A-Za-z]/g, (c) => QUANTITY_LOOKALIKES[c]!)) : null;
    if (m && value !== null) out.push({ value, raw: m[1]!, index: m.index });
  }
  for (const m of text.matchAll(/(?<![A-Za-zÇçĞğİıÖöŞşÜü0-9.,-])(?:[0-9OoIl][0-9OoIlSB.,]*[0-9OoIl]|[0-9])(?![A-Za-zÇçĞğİıÖöŞşÜü0-9])/g)) {
    if (!/[0-9]/.test(m[0])) continue;
    const value = parseNumber(m[0]);
    if (value !== null) out.push({ value, raw: m[0], index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

const DATE = /([0-3OoIl]?[0-9OoIl])\s?[./-]\s?([01OoIl]?[0-9OoIl])\s?[./-]\s?((?:19|20)[0-9OoIl]{2})|((?:19|20)[0-9]{2})-([01][0-9])-([0-3][0-9])/;

/** The first date in a text as ISO `yyyy-mm-dd`: `24.11.2026`, `24/11/2026`, `24-11-2026`, `2026-11-24`. */
export function parseDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [d, mo, y] = m[1] ? [m[1], m[2]!, m[3]!].map(digitsOf) : [m[6]!, m[5]!, m[4]!];
  const day = Number(d);
  const month = Number(mo);
  const year = Number(y);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
