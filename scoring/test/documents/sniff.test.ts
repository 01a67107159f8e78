import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { DOCUMENT_ERROR_CODES as E } from '@tareks/schemas';
import { DocumentError, sniffDocument } from '@tareks/scoring';

async function pdf(pages: number, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  for (let i = 0; i < pages; i++) {
    if (i) doc.addPage();
    doc.text(`Sayfa ${i + 1}`);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const white = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).greyscale();

async function code(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(DocumentError);
    return (e as DocumentError).code;
  }
}

describe('sniffDocument', () => {
  it('knows PDF, PNG, JPEG and TIFF from their bytes, whatever the file is called', async () => {
    expect(await sniffDocument(await pdf(2))).toMatchObject({ mediaType: 'application/pdf', pages: 2 });
    expect(await sniffDocument(await white(300, 200).png().toBuffer())).toMatchObject({ mediaType: 'image/png', pages: 1 });
    expect(await sniffDocument(await white(300, 200).jpeg().toBuffer())).toMatchObject({ mediaType: 'image/jpeg', pages: 1 });
    expect(await sniffDocument(await white(300, 200).tiff().toBuffer())).toMatchObject({ mediaType: 'image/tiff', pages: 1 });
  });

  it('refuses bad files with a stable code each', async () => {
    const png = await white(2000, 2000).png().toBuffer();
    const zip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200)]);
    const encrypted = await pdf(1, { userPassword: 'gizli' });
    const threePages = await pdf(3);
    const cases: [string, () => Promise<unknown>, string][] = [
      ['empty', () => sniffDocument(new Uint8Array()), E.empty],
      ['too large', () => sniffDocument(png, { maxBytes: 100 }), E.tooLarge],
      ['zip named .pdf', () => sniffDocument(zip), E.unsupportedType],
      ['declared as JPEG', () => sniffDocument(png, {}, 'image/jpeg'), E.typeMismatch],
      ['truncated PNG', () => sniffDocument(png.subarray(0, png.length - 30)), E.corrupt],
      ['decompression bomb', () => sniffDocument(png, { maxPixels: 1_000_000 }), E.tooManyPixels],
      ['encrypted PDF', () => sniffDocument(encrypted), E.encrypted],
      ['PDF without body', () => sniffDocument(Buffer.from('%PDF-1.7\nnot really a pdf\n%%EOF')), E.corrupt],
      ['too many pages', () => sniffDocument(threePages, { maxPages: 2 }), E.tooManyPages],
    ];
    for (const [name, p, expected] of cases) expect([name, await code(p)]).toEqual([name, expected]);
  });

  it('marks only passing failures as retryable', () => {
    expect(new DocumentError(E.corrupt, 'x').retryable).toBe(false);
    expect(new DocumentError(E.ocrUnavailable, 'x').retryable).toBe(true);
  });
});
