const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Fewest edits turning `needle` into some substring of `hay` (free start and end in `hay`). */
function substringDistance(needle: string, hay: string): number {
  let prev = new Uint32Array(hay.length + 1);
  let cur = new Uint32Array(hay.length + 1);
  for (let i = 1; i <= needle.length; i++) {
    cur[0] = i;
    const c = needle.charCodeAt(i - 1);
    for (let j = 1; j <= hay.length; j++) {
      const sub = prev[j - 1]! + (hay.charCodeAt(j - 1) === c ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = needle.length;
  for (let j = 0; j <= hay.length; j++) best = Math.min(best, prev[j]!);
  return best;
}

export interface CerResult {
  readonly errors: number;
  readonly chars: number;
  /** errors / chars. */
  readonly rate: number;
}

/**
 * Character error rate of OCR text against the strings drawn on the page. Each drawn string is aligned with the
 * stretch of OCR text it matches best, so the reading order of blocks does not count as errors; whitespace
 * runs count as one space.
 */
export function characterErrorRate(truth: readonly string[], ocrText: string): CerResult {
  const hay = squash(ocrText);
  let errors = 0;
  let chars = 0;
  for (const segment of truth.map(squash).filter(Boolean)) {
    errors += substringDistance(segment, hay);
    chars += segment.length;
  }
  return { errors, chars, rate: chars ? errors / chars : 0 };
}
