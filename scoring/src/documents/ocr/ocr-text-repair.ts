/**
 * Tesseract's `tur` data has no `+` and no `%` in its character set (NOTES): `EN 71-1:2014+A1:2018` comes out as
 * `20144A1:2018`, `2014 A1:2018` or `2012-*4- A15:2021`, and `KDV (%20)` as `KDV (20)`, `(120)` or `(1420)`.
 * `tur+eng` knows both signs but reads Turkish letters worse, so the two shapes are put back after OCR, only where
 * nothing else can be meant: a year followed by an amendment with its own year, and a VAT rate in brackets.
 */
const AMENDMENT = /\b((?:19|20)[0-9]{2})[\s*+4tf-]{0,5}(A[0-9]{1,2}\s?:\s?(?:19|20)[0-9]{2})\b/g;
/** Turkish VAT rates (KDV %1, %8, %10, %18, %20); the lost `%` reads as nothing, `1`, `14` or `96` (lazy: `(18)` is 18). */
const VAT_RATE = /\b(KDV\s?)\((?:%|14|96|1)??\s?(1|8|10|18|20)\)/g;

export function repairOcrText(text: string): string {
  return text.replace(AMENDMENT, '$1+$2').replace(VAT_RATE, '$1(%$2)');
}
