/** Turkish tax number (Vergi Kimlik No): 10 digits, the last a check digit over the first nine. */
import { isValidTckn } from './tckn.js';

export function vknCheckDigit(first9: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < 9; k++) {
    const i = 9 - k; // digits are numbered from the right, 1..9
    const c1 = (first9[k]! + i) % 10;
    if (c1 === 0) continue;
    const c2 = (c1 * 2 ** i) % 9;
    sum += c2 === 0 ? 9 : c2;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidVkn(value: string): boolean {
  if (!/^[0-9]{10}$/.test(value)) return false;
  const d = [...value].map(Number);
  return vknCheckDigit(d.slice(0, 9)) === d[9];
}

/** Completes nine leading digits into a valid VKN. */
export function completeVkn(first9: string): string {
  if (!/^[0-9]{9}$/.test(first9)) throw new RangeError(`VKN prefix must be 9 digits: ${first9}`);
  return first9 + String(vknCheckDigit([...first9].map(Number)));
}

/** A trader's tax id: a VKN (companies) or a TCKN (sole proprietors). */
export function isValidTaxId(value: string): boolean {
  return value.length === 10 ? isValidVkn(value) : isValidTckn(value);
}
