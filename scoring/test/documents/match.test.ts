import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { compile, DocumentFindings, DOCUMENT_ERROR_CODES as E, type Declaration, type DocumentExtraction } from '@tareks/schemas';
import { createOcrPool, DocumentError, matchDocuments, unreadableExtraction, type CorpusCase, type OcrPool } from '@tareks/scoring';
import { corpusFixture } from './corpus-fixture.js';

const validFindings = compile<DocumentFindings>(DocumentFindings);
let fixture: Awaited<ReturnType<typeof corpusFixture>>;
let pool: OcrPool;
const read = new Map<string, DocumentExtraction[]>();

beforeAll(async () => {
  fixture = await corpusFixture({ cases: 4, scans: false });
  pool = await createOcrPool({ size: 1, logger: pino({ level: 'warn' }) });
  for (const c of fixture.manifest.cases) read.set(c.id, await Promise.all(c.documents.map((d) => fixture.read(d, pool))));
});
afterAll(async () => {
  await pool?.close();
  await fixture?.dispose();
});

const clone = (d: Declaration): Declaration => structuredClone(d);
const codes = (f: DocumentFindings): string[] => [...f.reasons, ...f.items.flatMap((i) => i.reasons)].map((r) => r.code);
const cases = (): readonly CorpusCase[] => fixture.manifest.cases;

describe('matchDocuments', () => {
  it('pairs every declared item with its own invoice line and flags exactly the planted discrepancies', () => {
    for (const c of cases()) {
      const f = matchDocuments(c.declaration, read.get(c.id)!);
      expect(validFindings(JSON.parse(JSON.stringify(f)))).toMatchObject({ ok: true });
      const truthLines = c.documents.find((d) => d.invoice)!.invoice!.lines;
      for (const item of f.items) {
        expect([item.itemNo, item.line?.lineNo]).toEqual([item.itemNo, truthLines.find((l) => l.itemNo === item.itemNo)!.lineNo]);
      }
      expect(f.unmatchedLines.map((l) => l.lineNo)).toEqual(c.expected.undeclaredLineNos);
      const undervalued = f.items.filter((i) => i.reasons.some((r) => r.code === 'DECLARED_VALUE_BELOW_INVOICE')).map((i) => i.itemNo);
      expect(undervalued).toEqual(c.expected.undervaluedItemNos);
      const quantity = f.items.filter((i) => i.reasons.some((r) => r.code === 'QUANTITY_MISMATCH')).map((i) => i.itemNo);
      expect(quantity).toEqual(c.expected.quantityMismatchItemNos);
      expect(f.items.filter((i) => i.certificate.required).every((i) => i.certificate.covered)).toBe(true);
      expect(codes(f)).not.toContain('CERTIFICATE_MISSING');
    }
  });

  it('finds items whose value or quantity were changed, with the size of the gap', () => {
    const c = cases()[0]!;
    const d = clone(c.declaration);
    d.items[0]!.value.amount = Math.round(d.items[0]!.value.amount * 0.5 * 100) / 100;
    d.items[1]!.quantity *= 3;
    const f = matchDocuments(d, read.get(c.id)!);
    expect(f.items[0]!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['ITEM_VALUE_MISMATCH', 'DECLARED_VALUE_BELOW_INVOICE', 'UNIT_PRICE_MISMATCH']));
    expect(f.items[0]!.discrepancies.find((x) => x.field === 'amount')!.relativeDiff).toBeCloseTo(1, 1);
    expect(f.items[1]!.reasons.map((r) => r.code)).toContain('QUANTITY_MISMATCH');
    expect(codes(f)).toContain('DECLARED_VALUE_BELOW_INVOICE');
    expect(f.features.doc_undervaluation).toBeGreaterThan(0);
    expect(f.items[0]!.score).toBeLessThan(matchDocuments(c.declaration, read.get(c.id)!).items[0]!.score);
  });

  it('reports undeclared invoice lines, a foreign buyer and a wrong tariff code', () => {
    const c = cases()[1]!;
    const d = clone(c.declaration);
    d.items = d.items.slice(1);
    d.trader.taxId = '1234567890';
    d.items[0]!.gtip = d.items[0]!.gtip.startsWith('95') ? '851631000000' : '950300490000';
    const f = matchDocuments(d, read.get(c.id)!);
    expect(f.unmatchedLines.map((l) => l.lineNo)).toContain(1);
    expect(codes(f)).toEqual(expect.arrayContaining(['INVOICE_LINE_NOT_DECLARED', 'INVOICE_PARTY_MISMATCH']));
    expect(f.items[0]!.reasons.map((r) => r.code)).toContain('GTIP_MISMATCH');
  });

  it('decides without documents: unreadable, missing invoice, missing certificates, timed out', () => {
    const c = cases().find((x) => x.declaration.items.some((i) => i.conformity?.ceMarked))!;
    const bad = unreadableExtraction(new DocumentError(E.encrypted, 'PDF is encrypted'), 'application/pdf', 'a'.repeat(64), 'INVOICE');
    const f = matchDocuments(c.declaration, [bad], { timedOut: ['b'.repeat(64)] });
    expect(validFindings(JSON.parse(JSON.stringify(f)))).toMatchObject({ ok: true });
    expect(f.documents).toEqual([{ sha256: 'a'.repeat(64), declaredType: 'INVOICE', detectedType: 'OTHER', status: 'UNREADABLE', errorCode: E.encrypted }]);
    expect(codes(f)).toEqual(expect.arrayContaining(['DOCUMENT_UNREADABLE', 'DOCUMENTS_TIMED_OUT', 'CERTIFICATE_MISSING', 'CERTIFICATE_NUMBER_MISMATCH']));
    expect(codes(f)).not.toContain('INVOICE_MISSING');
    expect(f.features).toMatchObject({ doc_unreadable: 1, doc_timed_out: 1, doc_invoice_present: 0 });
    expect(codes(matchDocuments(c.declaration, []))).toContain('INVOICE_MISSING');
  });

  it('says when a certificate names no standard relevant to the tariff chapter', () => {
    const c = cases().find((x) => x.declaration.items.some((i) => i.gtip.startsWith('95') && i.conformity))!;
    const toy = c.declaration.items.find((i) => i.gtip.startsWith('95') && i.conformity)!;
    const extractions = read.get(c.id)!.map((x) => (x.certificate && x.references.gtipCodes.some((g) => g.value === toy.gtip)
      ? { ...x, references: { ...x.references, standards: [{ value: 'EN 60335-1:2012', confidence: 1 }] } }
      : x));
    const item = matchDocuments(c.declaration, extractions).items.find((i) => i.itemNo === toy.itemNo)!;
    expect(item.certificate).toMatchObject({ required: true, covered: false });
    expect(item.reasons.map((r) => r.code)).toContain('CERTIFICATE_STANDARD_NOT_RELEVANT');
  });
});
