/** Turkish-aware text folding: `İSTANBUL`, `istanbul` and OCR's `Istanbul` / `ıstanbul` all fold to `istanbul`. */

const ASCII: Record<string, string> = { ı: 'i', ş: 's', ğ: 'g', ü: 'u', ö: 'o', ç: 'c', â: 'a', î: 'i', û: 'u' };

export function fold(text: string): string {
  return text
    .toLocaleLowerCase('tr-TR')
    .normalize('NFD')
    .replace(/\u0307/g, '')
    .normalize('NFC')
    .replace(/[ışğüöçâîû]/g, (c) => ASCII[c]!);
}

/** Folded alphanumeric tokens; separators and punctuation dropped. */
export const tokens = (text: string): string[] => fold(text).split(/[^a-z0-9]+/).filter(Boolean);
