/** GTİP: the 12-digit Turkish tariff code (HS 6 + CN 2 + national 4). */

export function isValidGtip(value: string): boolean {
  if (!/^[0-9]{12}$/.test(value)) return false;
  const chapter = Number(value.slice(0, 2));
  return chapter >= 1 && chapter <= 97 && chapter !== 77;
}

/** Accepts `6206.40.00.00.00`, `6206 40 00 00 00` or `6206,40,00.00.00` and returns the 12 digits, or null. */
export function normaliseGtip(text: string): string | null {
  const digits = text.replace(/[.,\s]/g, '');
  return isValidGtip(digits) ? digits : null;
}

export const gtipChapter = (gtip: string): string => gtip.slice(0, 2);
