import { describe, expect, it } from 'vitest';
import { EVALUATE_ERROR_CODES, generateDataset, ITEM_COLUMNS, parseItemCsv, stringifyItemCsv, type EvaluateError } from '@tareks/scoring';

const header = ITEM_COLUMNS.join(',');

describe('evaluation CSV (RFC 4180)', () => {
  it('reads quotes, commas, doubled quotes, line breaks, CRLF, Turkish letters and keeps leading zeros', () => {
    const text =
      `\uFEFF${header}\r\n` +
      `25060100IM000001,1,2025-01-06,IMPORT,PRODUCT_SAFETY,060100,0123456789,10000000146,950300700000,CN,12,ADET,4.8,96.5,"Kuş, Çiçek ve ""Böcek""",1,2,1\r\n` +
      `25060100IM000001,2,2025-01-06,EXPORT,AGRI_QUALITY,070100,0123456789,10000000146,080221000000,TR,500,KG,500,2250,"Şölen
İğdır",,0,0\r\n`;
    const [a, b] = parseItemCsv(text);
    expect(a).toMatchObject({ customsOffice: '060100', traderId: '0123456789', gtip: '950300700000', brand: 'Kuş, Çiçek ve "Böcek"', ceMarked: true, nonCompliant: true });
    expect(b).toMatchObject({ customsOffice: '070100', brand: 'Şölen\nİğdır', ceMarked: null, documentCount: 0, nonCompliant: false, kind: 'EXPORT' });
  });

  it('round-trips the world’s rows exactly', () => {
    const rows = [...generateDataset({ seed: 2, weeks: 2, itemsPerWeek: 300, traders: 40 })];
    const text = stringifyItemCsv(rows);
    expect(text.startsWith(`${header}\r\n`)).toBe(true);
    expect(parseItemCsv(text)).toEqual(rows);
  });

  it('refuses a wrong header and a bad field with stable codes', () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return (e as EvaluateError).code;
      }
      return undefined;
    };
    expect(code(() => parseItemCsv('a,b\r\n1,2\r\n'))).toBe(EVALUATE_ERROR_CODES.csvHeader);
    const bad = `${header}\r\nX,1,2025-13-45,IMPORT,PRODUCT_SAFETY,060100,0123456789,10000000146,950300700000,CN,1,ADET,1,1,,1,0,0\r\n`;
    expect(code(() => parseItemCsv(bad))).toBe(EVALUATE_ERROR_CODES.csvField);
    expect(code(() => parseItemCsv(`${header}\r\n"unterminated\r\n`))).toBe(EVALUATE_ERROR_CODES.csvSyntax);
  });
});
