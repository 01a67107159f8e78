import { INPUT_ERROR_CODES as C, completeTckn, completeVkn, tcknCheckDigits } from '@tareks/schemas';
import { setValue, type Mutation } from './mutation.js';

const TCKN = completeTckn('172917160');
const VKN = completeVkn('454053692');
const GTIP = '950300700000';

const otherDigits = (d: string): string[] => [...'0123456789'].filter((x) => x !== d);
const replaceAt = (s: string, i: number, c: string): string => s.slice(0, i) + c + s.slice(i + 1);

/** Every wrong value of each TCKN check digit (10th and 11th), and shapes that are no TCKN at all. */
export function badTcknValues(valid = TCKN): Array<[string, string]> {
  const zeroFirst = `0${valid.slice(1, 9)}`;
  return [
    ...[9, 10].flatMap((i) => otherDigits(valid[i]!).map((c): [string, string] => [`check digit ${i + 1} = ${c}`, replaceAt(valid, i, c)])),
    ['first digit 0, check digits right', zeroFirst + tcknCheckDigits([...zeroFirst].map(Number)).join('')],
    ['10 digits', valid.slice(0, 10)],
    ['12 digits', `${valid}0`],
    ['letter', replaceAt(valid, 5, 'A')],
    ['leading space', ` ${valid}`],
    ['empty', ''],
    ['Arabic-Indic digits', [...valid].map((c) => String.fromCharCode(0x0660 + Number(c))).join('')],
  ];
}

/** Every wrong VKN check digit, and tax ids of the wrong length or an 11-digit one that is no valid TCKN. */
export function badVknValues(valid = VKN): Array<[string, string]> {
  return [
    ...otherDigits(valid[9]!).map((c): [string, string] => [`check digit = ${c}`, replaceAt(valid, 9, c)]),
    ['9 digits', valid.slice(0, 9)],
    ['12 digits', `${valid}00`],
    ['11 digits, not a TCKN', replaceAt(TCKN, 10, String((Number(TCKN[10]) + 1) % 10))],
    ['hyphenated', `${valid.slice(0, 3)}-${valid.slice(3)}`],
  ];
}

/** GTİP of every wrong length, chapters that do not exist (00, 77, 98, 99) and written with separators. */
export function badGtipValues(valid = GTIP): Array<[string, string]> {
  return [
    ...Array.from({ length: 12 }, (_, n): [string, string] => [`${n} digits`, valid.slice(0, n)]),
    ['13 digits', `${valid}0`],
    ['14 digits', `${valid}00`],
    ...['00', '77', '98', '99'].map((ch): [string, string] => [`chapter ${ch}`, ch + valid.slice(2)]),
    ['with dots', '9503.00.70.00.00'],
    ['with a letter', `${valid.slice(0, 11)}X`],
    ['trailing space', `${valid} `],
  ];
}

export function identifierMutations(): Mutation[] {
  return [
    ...badTcknValues().map(([n, v]) => setValue(`TCKN ${n}`, '/representative/tckn', v, C.tckn)),
    ...badVknValues().map(([n, v]) => setValue(`VKN ${n}`, '/trader/taxId', v, C.taxId)),
    ...badGtipValues().map(([n, v]) => setValue(`GTİP ${n}`, '/items/0/gtip', v, C.gtip)),
    ...badGtipValues().filter(([n]) => n.startsWith('chapter')).map(([n, v]) => setValue(`GTİP of item 2 ${n}`, '/items/1/gtip', v, C.gtip)),
    ...['XX', 'cn', 'CHN', 'TR '].map((v) => setValue(`country '${v}'`, '/items/1/originCountry', v, C.country)),
    ...['usd', 'USX', 'TL', 'EURO'].map((v) => setValue(`currency '${v}'`, '/items/0/value/currency', v, C.currency)),
  ];
}
