import { describe, expect, it } from 'vitest';
import { foldTurkish, gtipsIn, parseDocumentDate, parseDocumentNumber, standardFamily, standardsIn } from '@tareks/scoring';

describe('Turkish text, numbers and dates', () => {
  it.each([
    ['İSTANBUL', 'istanbul'], ['Istanbul', 'istanbul'], ['ıstanbul', 'istanbul'], ['ŞÖLEN Çiğdem Ağaoğlu', 'solen cigdem agaoglu'], ['Düzenlenme Tarihi', 'duzenlenme tarihi'],
  ])('folds %s to %s', (text, folded) => expect(foldTurkish(text)).toBe(folded));

  it.each([
    ['1.234,56', 1234.56], ['1,234.56', 1234.56], ['405,41', 405.41], ['2.37', 2.37], ['1.100', 1100], ['1,100', 1100], ['40', 40],
    ['72.903,12', 72903.12], ['1.234.567,8', 1234567.8], ['4O5,4l', 405.41], ['12,5', 12.5], ['abc', null],
  ])('reads %s as %s', (raw, value) => expect(parseDocumentNumber(raw)).toBe(value));

  it.each([
    ['Fatura Tarihi: 24.11.2026', '2026-11-24'], ['24/11/2026', '2026-11-24'], ['2026-11-24', '2026-11-24'], ['24.l1.2026', '2026-11-24'],
    ['31.02.2026', null], ['no date here', null],
  ])('reads the date in %s as %s', (text, iso) => expect(parseDocumentDate(text)).toBe(iso));
});

describe('references', () => {
  it.each([
    ['GTİP: 9503.00.49.00.00', ['950300490000']], ['851610800000 adet', ['851610800000']], ['6206.40,00.00.00', ['620640000000']],
    ['8536 50 80 00 00', ['853650800000']], ['95O3.00.49.00.00', ['950300490000']],
    ['6403999300000 50 Çift', ['640399930000']], ['8516108000000', ['851610800000']],
    ['ETTN: 59779654-5062-4013-a377-432030398736', []], ['Mersis No: 0235266646021670', []], ['7700.00.00.00.00', []],
  ])('finds GTİP codes in %s', (text, codes) => expect(gtipsIn(text).map((g) => g.gtip)).toEqual(codes));

  it.each([
    ['• EN 71-1:2014+A1:2018', ['EN 71-1:2014+A1:2018']],
    ['EN 71-1:20144A1:2018', ['EN 71-1:2014+A1:2018']],
    ['EN 71-1:2014--A1:2018', ['EN 71-1:2014+A1:2018']],
    ['* EN 60335-1:2012-*4- A15:2021', ['EN 60335-1:2012+A15:2021']],
    ['TS EN 60335-1:2012 ve EN ISO 12100:2010', ['TS EN 60335-1:2012', 'EN ISO 12100:2010']],
    ['IEC 60884-1:2022', ['IEC 60884-1:2022']],
  ])('normalises standard references in %s', (text, refs) => expect(standardsIn(text)).toEqual(refs));

  it('reduces a standard to the family a tariff chapter asks for', () => {
    expect(standardFamily('EN 71-1:2014+A1:2018')).toBe('EN 71');
    expect(standardFamily('TS EN ISO 20347:2012')).toBe('EN ISO 20347');
  });
});
