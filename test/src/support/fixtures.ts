import { randomInt } from 'node:crypto';
import { completeTckn, completeVkn, type Declaration } from '@tareks/schemas';

/** A fresh, valid declaration id (random serial) for the given office. */
export function declarationId(office = '341300', regime = 'IM'): string {
  const serial = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const rnd = String(randomInt(0, 100)).padStart(2, '0');
  return `${rnd}${office}${regime}${serial}`;
}

/** A valid toy import with CE marking; tests change what they need. */
export function sampleDeclaration(overrides: Partial<Declaration> = {}): Declaration {
  return {
    id: declarationId(),
    version: 1,
    kind: 'IMPORT',
    domain: 'PRODUCT_SAFETY',
    customsOffice: '341300',
    submittedAt: new Date().toISOString(),
    trader: { taxId: completeVkn('454053692'), name: 'Anadolu Oyuncak İthalat A.Ş.', mersisNo: '0454053692000017' },
    representative: { tckn: completeTckn('172917160'), firstName: 'Ayşe', lastName: 'Yıldız', birthYear: 1984 },
    items: [
      {
        itemNo: 1,
        gtip: '950300700000',
        description: 'Pelüş oyuncak ayı, 30 cm',
        originCountry: 'CN',
        quantity: 1200,
        unit: 'ADET',
        netMassKg: 360,
        value: { amount: 4200, currency: 'USD' },
        brand: 'Şirin Ayıcık',
        conformity: { ceMarked: true, standards: ['EN 71-1:2014+A1:2018', 'EN 71-2:2020'], certificateNo: 'TR-CE-2026-00123' },
      },
      {
        itemNo: 2,
        gtip: '851660100000',
        description: 'Elektrikli ızgara',
        originCountry: 'DE',
        quantity: 40,
        unit: 'ADET',
        netMassKg: 220,
        value: { amount: 9800, currency: 'EUR' },
        brand: 'Grillmeister',
      },
    ],
    documents: [],
    ...overrides,
  };
}
