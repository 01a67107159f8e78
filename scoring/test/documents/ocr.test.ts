import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { characterErrorRate, createOcrPool, matchDocuments, type OcrPool } from '@tareks/scoring';
import { corpusFixture } from './corpus-fixture.js';

let fixture: Awaited<ReturnType<typeof corpusFixture>>;
let pool: OcrPool;

beforeAll(async () => {
  fixture = await corpusFixture({ cases: 1, scans: true, textPdf: false, seed: 7 });
  pool = await createOcrPool({ size: 2, logger: pino({ level: 'warn' }) });
});
afterAll(async () => {
  await pool?.close();
  await fixture?.dispose();
});

describe('OCR of scanned documents with tesseract.js (real worker pool, local language data)', () => {
  it('reads a skewed, noisy invoice scan: number, date, GTİP codes and line items', { timeout: 300_000 }, async () => {
    const c = fixture.manifest.cases[0]!;
    const scans = c.documents;
    const extractions = await Promise.all(scans.map((d) => fixture.read(d, pool)));
    const i = scans.findIndex((d) => d.invoice);
    const truth = scans[i]!.invoice!;
    const x = extractions[i]!;
    expect(x.pages[0]).toMatchObject({ source: 'OCR' });
    expect(x.pages[0]!.words.length).toBeGreaterThan(50);
    expect(x.pages[0]!.words.every((w) => w.box.x1 > w.box.x0 && w.confidence >= 0 && w.confidence <= 1)).toBe(true);
    expect([x.invoice!.invoiceNo?.value, x.invoice!.issueDate?.value]).toEqual([truth.invoiceNo, truth.issueDate]);
    expect(x.invoice!.lines.map((l) => l.gtip)).toEqual(truth.lines.map((l) => l.gtip));
    expect(characterErrorRate(scans[i]!.truthText, x.pages[0]!.text).rate).toBeLessThan(0.03);
    const findings = matchDocuments(c.declaration, extractions);
    for (const item of findings.items) expect([item.itemNo, item.line?.lineNo]).toEqual([item.itemNo, truth.lines.find((l) => l.itemNo === item.itemNo)!.lineNo]);
  });
});
