import { randomInt } from 'node:crypto';
import {
  completeTckn, completeVkn, type Decision, type InspectionOutcome, type Lane, type ReceivedDeclaration, type SelectionCause,
} from '@tareks/schemas';

export const declarationId = (office = '341300'): string => `26${office}IM${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;

export interface ItemSpec {
  readonly gtip: string;
  readonly origin: string;
  readonly lane: Lane;
  readonly score: number;
  readonly cause?: SelectionCause;
}

export interface DeclarationSpec {
  readonly id?: string;
  readonly version?: number;
  readonly office?: string;
  readonly traderVkn9?: string;
  readonly traderName?: string;
  readonly decidedAt?: string;
  readonly modelVersion?: string;
  readonly items: readonly ItemSpec[];
}

/** A declaration as received and its decision, consistent with each other. */
export function declarationAndDecision(s: DeclarationSpec): { received: ReceivedDeclaration; decision: Decision } {
  const id = s.id ?? declarationId(s.office);
  const version = s.version ?? 1;
  const office = s.office ?? '341300';
  const decidedAt = s.decidedAt ?? new Date().toISOString();
  const received: ReceivedDeclaration = {
    declaration: {
      id,
      version,
      kind: 'IMPORT',
      domain: 'PRODUCT_SAFETY',
      customsOffice: office,
      submittedAt: decidedAt,
      trader: { taxId: completeVkn(s.traderVkn9 ?? '454053692'), name: s.traderName ?? 'Anadolu Oyuncak A.Ş.' },
      representative: { tckn: completeTckn('172917160'), firstName: 'Ayşe', lastName: 'Yıldız', birthYear: 1984 },
      items: s.items.map((it, i) => ({
        itemNo: i + 1, gtip: it.gtip, description: `Kalem ${i + 1}`, originCountry: it.origin, quantity: 10, unit: 'ADET' as const, netMassKg: 5, value: { amount: 100, currency: 'USD' },
      })),
      documents: [],
    },
    receivedAt: decidedAt,
    clientId: 'demo-customs',
    protocol: 'REST',
  };
  const lanes = s.items.map((it) => it.lane);
  const decision: Decision = {
    declarationId: id,
    version,
    customsOffice: office,
    kind: 'IMPORT',
    domain: 'PRODUCT_SAFETY',
    lane: lanes.includes('RED') ? 'RED' : lanes.includes('YELLOW') ? 'YELLOW' : 'GREEN',
    items: s.items.map((it, i) => ({
      itemNo: i + 1, score: it.score, lane: it.lane, selectionCause: it.cause ?? 'RISK',
      reasons: [{ code: 'TEST_REASON', weight: it.score, text: { tr: 'deneme', en: 'test' } }],
    })),
    modelVersion: s.modelVersion ?? 'rules-test',
    timings: { receivedAt: decidedAt, decidedAt, enrichMs: 1, scoreMs: 1, totalMs: 3 },
  };
  return { received, decision };
}

export const outcome = (d: Decision, itemNo: number, result: InspectionOutcome['result'], inspector = 'mufettis1'): InspectionOutcome => ({
  declarationId: d.declarationId,
  version: d.version,
  itemNo,
  inspector,
  result,
  findings: result === 'NON_COMPLIANT' ? [{ code: 'CE_MISSING', text: 'CE işareti yok' }] : [],
  inspectedAt: new Date().toISOString(),
});
