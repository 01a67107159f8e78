import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, DocumentExtraction } from '@tareks/schemas';
import { createOcrPool, type OcrPool } from '@tareks/scoring';
import pino from 'pino';
import { corpusFixture } from './corpus-fixture.js';

const validExtraction = compile<DocumentExtraction>(DocumentExtraction);
let fixture: Awaited<ReturnType<typeof corpusFixture>>;
let pool: OcrPool;

beforeAll(async () => {
  fixture = await corpusFixture({ cases: 3, scans: false });
  pool = await createOcrPool({ size: 1, logger: pino({ level: 'warn' }) });
});
afterAll(async () => {
  await pool?.close();
  await fixture?.dispose();
});

describe('extraction from born-digital PDFs (text layer)', () => {
  it('reads every invoice field and line of the three layouts exactly', async () => {
    for (const c of fixture.manifest.cases) {
      const doc = c.documents.find((d) => d.type === 'INVOICE')!;
      const truth = doc.invoice!;
      const x = await fixture.read(doc, pool);
      expect(validExtraction(JSON.parse(JSON.stringify(x)))).toMatchObject({ ok: true });
      expect(x.detectedType).toBe('INVOICE');
      expect(x.pages.every((p) => p.source === 'TEXT_LAYER')).toBe(true);
      const inv = x.invoice!;
      expect([truth.layout, inv.invoiceNo?.value, inv.issueDate?.value, inv.currency?.value]).toEqual([truth.layout, truth.invoiceNo, truth.issueDate, truth.currency]);
      expect(inv.buyer.vkn).toMatchObject({ value: truth.buyer.vkn, valid: true });
      expect(inv.buyer.name?.value).toBe(truth.buyer.name);
      expect(inv.seller.name?.value).toBe(truth.seller.name);
      expect(inv.seller.vkn?.value).toBe(truth.seller.vkn);
      expect(inv.total?.value).toBe(truth.total);
      expect(inv.lines.map((l) => [l.lineNo, l.gtip, l.quantity, l.unit, l.unitPrice, l.amount, l.model]))
        .toEqual(truth.lines.map((l) => [l.lineNo, l.gtip, l.quantity, l.unit, l.unitPrice, l.amount, l.model]));
    }
  });

  it('reads certificate and test report numbers, standards, models, CE and notified body', async () => {
    const certs = fixture.manifest.cases.flatMap((c) => c.documents.filter((d) => d.certificate));
    expect(certs.length).toBeGreaterThan(0);
    for (const doc of certs) {
      const truth = doc.certificate!;
      const x = await fixture.read(doc, pool);
      expect(x.detectedType).toBe(truth.kind);
      expect(x.certificate).toMatchObject({ kind: truth.kind, number: { value: truth.number }, issueDate: { value: truth.issueDate } });
      expect(x.references.standards.map((s) => s.value)).toEqual(truth.standards);
      expect(x.references.modelNumbers.map((m) => m.value)).toEqual(truth.models);
      expect(x.references.gtipCodes.map((g) => g.value)).toEqual([truth.gtip]);
      expect(x.references.ceMarking.value).toBe(true);
      if (truth.notifiedBody) expect(x.references.notifiedBodies.map((n) => n.value)).toEqual([truth.notifiedBody]);
    }
  });
});
