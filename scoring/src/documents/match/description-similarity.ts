import { tokens } from '../text/turkish.js';

/** A crude Turkish stem: suffixes hang off the end, so the first five letters carry the word (`oyuncakları` ~ `oyuncak`). */
const stem = (t: string): string => (/^[0-9]/.test(t) ? t : t.slice(0, 5));

function trigrams(s: string): Set<string> {
  const padded = `  ${s} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

const dice = <T>(a: Set<T>, b: Set<T>): number => {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return (2 * common) / (a.size + b.size);
};

/** Similarity of two product descriptions in 0–1: stemmed word overlap or character trigrams, whichever is higher. */
export function descriptionSimilarity(a: string, b: string): number {
  const ta = tokens(a).filter((t) => t.length > 1);
  const tb = tokens(b).filter((t) => t.length > 1);
  const words = dice(new Set(ta.map(stem)), new Set(tb.map(stem)));
  const chars = dice(trigrams(ta.join(' ')), trigrams(tb.join(' ')));
  return Math.max(words, chars);
}

const CONFUSABLE: Record<string, string> = { '0': 'O', '1': 'I', L: 'I', '5': 'S', '8': 'B', '2': 'Z', '6': 'G' };

/** Folds characters OCR mixes up (O/0, I/l/1, S/5, B/8) and separators, to compare codes. */
export const codeKey = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '').replace(/[01L5826]/g, (c) => CONFUSABLE[c]!);

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j]! + 1, cur[j - 1]! + 1);
    prev = cur;
  }
  return prev[b.length]!;
}

/** Same certificate or model code, allowing one OCR slip in codes of ten characters or more (`ITS-SZ` read `11TS-SZ`). */
export function sameCode(a: string, b: string): boolean {
  const ka = codeKey(a);
  const kb = codeKey(b);
  return ka === kb || (Math.min(ka.length, kb.length) >= 10 && editDistance(ka, kb) <= 1);
}
