import { describe, expect, it } from 'vitest';
import { repairOcrText } from '../../src/documents/ocr/ocr-text-repair.js';

describe('repairOcrText', () => {
  it('puts back the + of standard amendments that the tur data cannot read', () => {
    expect(repairOcrText('* EN 71-1:20144A1:2018')).toBe('* EN 71-1:2014+A1:2018');
    expect(repairOcrText('EN 60335-1:2012-*4- A15:2021 uygun')).toBe('EN 60335-1:2012+A15:2021 uygun');
    expect(repairOcrText('EN 60335-1:20124 A15:2021')).toBe('EN 60335-1:2012+A15:2021');
    expect(repairOcrText('EN 71-3:2019 A1:2021')).toBe('EN 71-3:2019+A1:2021');
    expect(repairOcrText('EN 62560:2012+A1:2015')).toBe('EN 62560:2012+A1:2015');
  });

  it('puts back the % of a VAT rate in brackets, longest rate first', () => {
    expect(repairOcrText('Hesaplanan KDV (20): 12.150,52 EUR')).toBe('Hesaplanan KDV (%20): 12.150,52 EUR');
    expect(repairOcrText('KDV (1420): 8.158,20')).toBe('KDV (%20): 8.158,20');
    expect(repairOcrText('KDV (120):')).toBe('KDV (%20):');
    expect(repairOcrText('KDV (18) KDV (118) KDV (10) KDV (110) KDV (11) KDV (%8)')).toBe('KDV (%18) KDV (%18) KDV (%10) KDV (%10) KDV (%1) KDV (%8)');
  });

  it('leaves everything else alone', () => {
    for (const s of ['Fatura No: GIB2026000000123', 'Tutar (20): 100', 'KDV (25): 3', '2014 Adet 1:2018', 'Rapor No: ITS-SZ-2025-22270', 'Model A1:2018']) {
      expect(repairOcrText(s)).toBe(s);
    }
  });
});
