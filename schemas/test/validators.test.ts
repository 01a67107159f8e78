import { describe, expect, it } from 'vitest';
import { completeTckn, completeVkn, isValidCountry, isValidCurrency, isValidGtip, isValidTaxId, isValidTckn, isValidVkn, normaliseGtip } from '@tareks/schemas';

describe('TCKN', () => {
  it.each([
    ['17291716060', true],
    ['10000000146', true],
    ['17291716061', false], // wrong 11th digit
    ['17291716050', false], // wrong 10th digit
    ['07291716060', false], // leading zero
    ['1729171606', false], // 10 digits
    ['172917160600', false],
    ['1729171606a', false],
    ['', false],
  ])('%s → %s', (v, ok) => expect(isValidTckn(v)).toBe(ok));

  it('uses a true modulo when 7·odd − even is negative', () => {
    // odd-position sum 0+0+0+0+1=1 → 7; even 9+9+9+9=36 → 7−36=−29 → digit 10 must be 1, not −9.
    const tckn = completeTckn('190909090');
    expect(tckn[9]).toBe('1');
    expect(isValidTckn(tckn)).toBe(true);
  });

  it('completes any 9-digit prefix into a valid number', () => {
    for (let n = 100000000; n < 100000000 + 2000; n += 7) expect(isValidTckn(completeTckn(String(n)))).toBe(true);
  });
});

describe('VKN', () => {
  it.each([
    ['4540536920', true],
    ['4540536921', false],
    ['0000000000', false],
    ['123456789', false],
    ['45405369200', false],
  ])('%s → %s', (v, ok) => expect(isValidVkn(v)).toBe(ok));

  it('accepts exactly one check digit per prefix', () => {
    for (const prefix of ['000000001', '999999999', '123456789', '454053692']) {
      const valid = [...'0123456789'].filter((d) => isValidVkn(prefix + d));
      expect(valid).toEqual([completeVkn(prefix).slice(-1)]);
    }
  });

  it('treats an 11-digit tax id as a TCKN (sole proprietors)', () => {
    expect(isValidTaxId('17291716060')).toBe(true);
    expect(isValidTaxId('4540536920')).toBe(true);
    expect(isValidTaxId('17291716061')).toBe(false);
  });
});

describe('GTİP and codes', () => {
  it.each([
    ['950300700000', true],
    ['620640000000', true],
    ['000000000000', false],
    ['980000000000', false],
    ['95030070000', false],
    ['9503.00.70.00.00', false],
  ])('GTİP %s → %s', (v, ok) => expect(isValidGtip(v)).toBe(ok));

  it('normalises the separators found in documents', () => {
    expect(normaliseGtip('6206.40,00.00.00')).toBe('620640000000');
    expect(normaliseGtip('9503 00 70 00 00')).toBe('950300700000');
    expect(normaliseGtip('9503.00.70')).toBeNull();
  });

  it.each([['TR', true], ['CN', true], ['XX', false], ['tr', false], ['TUR', false]])('country %s → %s', (v, ok) => expect(isValidCountry(v)).toBe(ok));
  it.each([['TRY', true], ['USD', true], ['EUR', true], ['XYZ', false], ['usd', false]])('currency %s → %s', (v, ok) => expect(isValidCurrency(v)).toBe(ok));
});
