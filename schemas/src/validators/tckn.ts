/** Turkish identity number (T.C. Kimlik No): 11 digits, first non-zero, two check digits. */

const mod10 = (n: number): number => ((n % 10) + 10) % 10;

/** The two check digits for the first nine digits of a TCKN. */
export function tcknCheckDigits(first9: readonly number[]): [number, number] {
  const odd = first9[0]! + first9[2]! + first9[4]! + first9[6]! + first9[8]!;
  const even = first9[1]! + first9[3]! + first9[5]! + first9[7]!;
  const d10 = mod10(7 * odd - even);
  const d11 = mod10(first9.reduce((a, b) => a + b, 0) + d10);
  return [d10, d11];
}

export function isValidTckn(value: string): boolean {
  if (!/^[1-9][0-9]{10}$/.test(value)) return false;
  const d = [...value].map(Number);
  const [d10, d11] = tcknCheckDigits(d.slice(0, 9));
  return d[9] === d10 && d[10] === d11;
}

/** Completes nine leading digits (first non-zero) into a valid TCKN. */
export function completeTckn(first9: string): string {
  if (!/^[1-9][0-9]{8}$/.test(first9)) throw new RangeError(`TCKN prefix must be 9 digits, first non-zero: ${first9}`);
  return first9 + tcknCheckDigits([...first9].map(Number)).join('');
}
