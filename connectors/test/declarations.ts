import type { Declaration, Person } from '@tareks/schemas';

/** A minimal valid declaration for a trader (tax id, optional MERSİS / ESBİS no) and a representative. */
export function declarationFor(trader: { taxId: string; mersisNo?: string; esbisNo?: string }, rep: Person, submittedAt = '2026-03-01T10:00:00Z'): Declaration {
  return {
    id: '26341300IM000123',
    version: 1,
    kind: 'IMPORT',
    domain: 'PRODUCT_SAFETY',
    customsOffice: '341300',
    submittedAt,
    trader: { name: 'Test Ticaret A.Ş.', ...trader },
    representative: { tckn: rep.tckn, firstName: rep.firstName, lastName: rep.lastName, birthYear: rep.birthYear },
    items: [
      {
        itemNo: 1, gtip: '950300700000', description: 'Oyuncak', originCountry: 'CN', quantity: 10, unit: 'ADET', netMassKg: 2,
        value: { amount: 100, currency: 'USD' },
      },
    ],
    documents: [],
  };
}
