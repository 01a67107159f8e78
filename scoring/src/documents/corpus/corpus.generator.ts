import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Rng } from '../../world/rng.js';
import { openPdf, rasterise } from '../pdf.reader.js';
import { buildCase } from './corpus.cases.js';
import { renderCertificate } from './certificate.layout.js';
import { renderInvoice } from './invoice.layout.js';
import { degrade, drawDegradation } from './degrade.js';
import { PdfCanvas } from './pdf-canvas.js';
import { INVOICE_LAYOUTS, type CorpusCase, type CorpusDocument, type CorpusManifest } from './corpus.types.js';

export const SCAN_FORMATS = ['jpeg', 'png', 'tiff', 'pdf'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

export interface CorpusOptions {
  /** Folder the files, truth JSON and manifest.json are written to (created). */
  readonly outDir: string;
  /** Number of declarations, each with one invoice and its certificates / test reports. Default 8. */
  readonly cases?: number;
  /** Same seed, same corpus. Default 2026. */
  readonly seed?: number;
  /** Also write each document as a born-digital PDF with a text layer. Default true. */
  readonly textPdf?: boolean;
  /** Write a scanned-looking copy of each document (skewed, blurred, noisy). Default true. */
  readonly scans?: boolean;
  /** Scan resolution, dpi. Default 300 (what document scanners and the OCR data assume). */
  readonly dpi?: number;
}

const MEDIA: Record<ScanFormat, CorpusDocument['mediaType']> = { jpeg: 'image/jpeg', png: 'image/png', tiff: 'image/tiff', pdf: 'application/pdf' };

async function scanned(pdfBytes: Buffer, rng: Rng, format: ScanFormat, dpi: number): Promise<{ bytes: Buffer; degradation: ReturnType<typeof drawDegradation> }> {
  const pdf = await openPdf(pdfBytes, 100_000_000);
  const { png } = await rasterise(pdf, 1, dpi, 100_000_000);
  await pdf.destroy();
  const degradation = drawDegradation(rng);
  const page = await degrade(png, degradation, rng);
  if (format === 'png') return { bytes: await page.png().toBuffer(), degradation };
  if (format === 'tiff') return { bytes: await page.tiff({ compression: 'lzw' }).toBuffer(), degradation };
  const jpeg = await page.jpeg({ quality: degradation.jpegQuality }).toBuffer();
  if (format === 'jpeg') return { bytes: jpeg, degradation };
  const c = new PdfCanvas();
  c.image(jpeg, 0, 0, 595.28, 841.89);
  return { bytes: await c.finish(), degradation };
}

/**
 * Writes a corpus of realistic Turkish trade documents — e-Fatura, e-Arşiv and commercial invoices, EC
 * type-examination certificates and test reports — as PDFs and as scanned-looking images, each case with the
 * declaration it belongs to and the ground truth of every document.
 */
export async function generateCorpus(o: CorpusOptions): Promise<CorpusManifest> {
  const seed = o.seed ?? 2026;
  const dpi = o.dpi ?? 300;
  await mkdir(o.outDir, { recursive: true });
  const cases: CorpusCase[] = [];
  let scanNo = 0;
  for (let i = 0; i < (o.cases ?? 8); i++) {
    const rng = new Rng(seed * 1000 + i);
    const id = `case-${String(i + 1).padStart(3, '0')}`;
    const truth = buildCase(rng, i + 1, INVOICE_LAYOUTS[i % INVOICE_LAYOUTS.length]!);
    const sources = [
      { name: 'invoice', type: 'INVOICE' as const, invoice: truth.invoice, rendered: await renderInvoice(truth.invoice, rng) },
      ...(await Promise.all(truth.certificates.map(async (certificate, k) => ({
        name: `${certificate.kind === 'TEST_REPORT' ? 'test-report' : 'certificate'}-${k + 1}`, type: certificate.kind, certificate, rendered: await renderCertificate(certificate),
      })))),
    ];
    const documents: CorpusDocument[] = [];
    for (const s of sources) {
      const base = { type: s.type, truthText: s.rendered.segments, invoice: 'invoice' in s ? s.invoice : undefined, certificate: 'certificate' in s ? s.certificate : undefined };
      if (o.textPdf ?? true) {
        const file = `${id}-${s.name}.pdf`;
        await writeFile(join(o.outDir, file), s.rendered.bytes);
        documents.push({ ...base, file, mediaType: 'application/pdf', scanned: false });
      }
      if (o.scans ?? true) {
        const format = SCAN_FORMATS[scanNo++ % SCAN_FORMATS.length]!;
        const { bytes, degradation } = await scanned(s.rendered.bytes, rng, format, dpi);
        const file = `${id}-${s.name}-scan.${format === 'jpeg' ? 'jpg' : format === 'tiff' ? 'tif' : format}`;
        await writeFile(join(o.outDir, file), bytes);
        documents.push({ ...base, file, mediaType: MEDIA[format], scanned: true, degradation });
      }
    }
    const c: CorpusCase = { id, declaration: truth.declaration, documents, expected: truth.expected };
    await writeFile(join(o.outDir, `${id}.truth.json`), JSON.stringify(c, null, 2));
    cases.push(c);
  }
  const manifest: CorpusManifest = { seed, generatedAt: new Date().toISOString(), cases };
  await writeFile(join(o.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}
