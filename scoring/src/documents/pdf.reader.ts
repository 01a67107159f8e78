import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DOCUMENT_ERROR_CODES as E, type OcrWord } from '@tareks/schemas';
import { DocumentError } from './document.error.js';

const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** Local copies of the 14 standard fonts and CMaps, so pdfjs never reaches for the network. */
const STANDARD_FONTS = join(pdfjsDir, 'standard_fonts') + '/';
const CMAPS = join(pdfjsDir, 'cmaps') + '/';

type Pdfjs = typeof PdfjsModule;
let pdfjs: Promise<Pdfjs> | null = null;

/**
 * pdfjs is loaded on first use only: its legacy build (needed on Node 20) replaces the global JSON.parse and
 * JSON.stringify with slower polyfills, which cost every other role of a hub process a measurable share of its CPU.
 */
const loadPdfjs = (): Promise<Pdfjs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** Opens a PDF; encrypted → DOC_ERR_ENCRYPTED, anything unparsable → DOC_ERR_CORRUPT. */
export async function openPdf(bytes: Uint8Array, maxPixels: number): Promise<PDFDocumentProxy> {
  const { getDocument } = await loadPdfjs();
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
    maxImageSize: maxPixels,
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (cause) {
    await task.destroy();
    const name = (cause as { name?: string }).name;
    if (name === 'PasswordException') throw new DocumentError(E.encrypted, 'PDF is encrypted', { cause });
    throw new DocumentError(E.corrupt, `PDF cannot be parsed: ${(cause as Error).message}`, { cause });
  }
}

export interface TextLayerPage {
  readonly width: number;
  readonly height: number;
  readonly words: OcrWord[];
}

/** Words of a page's text layer with boxes in pixels at `scale` (1 = PDF points), top-left origin. */
export async function textLayer(pdf: PDFDocumentProxy, pageNo: number, scale: number): Promise<TextLayerPage> {
  const page = await pdf.getPage(pageNo);
  const viewport = page.getViewport({ scale });
  const content = await page.getTextContent();
  const words: OcrWord[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str.trim()) continue;
    const [, , , d, e, f] = item.transform as number[];
    const fontH = Math.abs(d!) || item.height;
    const x = e! * scale;
    const yTop = viewport.height - (f! + fontH * 0.8) * scale;
    const charW = (item.width * scale) / Math.max(1, item.str.length);
    let offset = 0;
    for (const part of item.str.split(/(\s+)/)) {
      if (part.trim()) {
        words.push({ text: part, confidence: 1, box: { x0: x + offset * charW, y0: yTop, x1: x + (offset + part.length) * charW, y1: yTop + fontH * scale } });
      }
      offset += part.length;
    }
  }
  page.cleanup();
  return { width: viewport.width, height: viewport.height, words };
}

/** The part of pdfjs's Node canvas factory (@napi-rs/canvas underneath) we use; no DOM types here. */
interface CanvasFactory {
  create(width: number, height: number): {
    canvas: unknown;
    context: { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  };
}

/** Renders a page to a greyscale PNG at `dpi`, lowered when the page would exceed `maxPixels`. */
export async function rasterise(pdf: PDFDocumentProxy, pageNo: number, dpi: number, maxPixels: number): Promise<{ png: Buffer; width: number; height: number }> {
  const page = await pdf.getPage(pageNo);
  const base = page.getViewport({ scale: 1 });
  const wanted = dpi / 72;
  const scale = Math.min(wanted, Math.sqrt(maxPixels / (base.width * base.height)));
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const { canvas, context } = (pdf.canvasFactory as CanvasFactory).create(width, height);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise;
  const rgba = context.getImageData(0, 0, width, height).data;
  page.cleanup();
  const png = await sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), { raw: { width, height, channels: 4 } })
    .greyscale()
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, width, height };
}
