import sharp, { type Metadata } from 'sharp';
import { DOCUMENT_ERROR_CODES as E } from '@tareks/schemas';
import { DocumentError } from './document.error.js';
import { openPdf } from './pdf.reader.js';

export type DocumentMediaType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff';

export interface DocumentLimits {
  /** Largest file accepted, bytes. Default 20 MiB (a scanned multi-page invoice at 300 dpi stays under 10). */
  readonly maxBytes?: number;
  /** Most pages of a PDF or a multi-page TIFF. Default 20. */
  readonly maxPages?: number;
  /** Most pixels of one image or embedded PDF image; stops decompression bombs. Default 60 M (A3 at 600 dpi ≈ 70 M). */
  readonly maxPixels?: number;
}

export const DEFAULT_LIMITS: Required<DocumentLimits> = { maxBytes: 20 * 1024 * 1024, maxPages: 20, maxPixels: 60_000_000 };

export interface SniffResult {
  readonly mediaType: DocumentMediaType;
  readonly pages: number;
  readonly size: number;
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((v, i) => b[at + i] === v);

/** The media type the first bytes announce, or null. `%PDF-` may follow up to 1 KiB of junk, as readers allow. */
export function magicMediaType(b: Uint8Array): DocumentMediaType | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  const head = Buffer.from(b.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-') ? 'application/pdf' : null;
}

function truncated(b: Uint8Array, type: DocumentMediaType): boolean {
  const tail = Buffer.from(b.subarray(Math.max(0, b.length - 1024))).toString('latin1');
  if (type === 'image/png') return !tail.includes('IEND');
  if (type === 'image/jpeg') return !tail.includes('\xff\xd9');
  if (type === 'application/pdf') return !tail.includes('%%EOF');
  return false;
}

async function imagePages(bytes: Uint8Array, type: DocumentMediaType, limits: Required<DocumentLimits>): Promise<number> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw new DocumentError(E.corrupt, `unreadable ${type} image`, { cause });
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (!pixels) throw new DocumentError(E.corrupt, `${type} image without dimensions`);
  if (pixels > limits.maxPixels) throw new DocumentError(E.tooManyPixels, `${meta.width}×${meta.height} pixels exceed ${limits.maxPixels}`);
  const pages = meta.pages ?? 1;
  if (pages > limits.maxPages) throw new DocumentError(E.tooManyPages, `${pages} pages exceed ${limits.maxPages}`);
  return pages;
}

/**
 * Decides what a document is from its bytes alone and refuses what cannot or must not be read: empty, too
 * large, not a PDF/PNG/JPEG/TIFF, not what the sender declared, truncated, encrypted, too many pages or pixels.
 */
export async function sniffDocument(bytes: Uint8Array, limits: DocumentLimits = {}, declaredMediaType?: string): Promise<SniffResult> {
  const l = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length === 0) throw new DocumentError(E.empty, 'document has no bytes');
  if (bytes.length > l.maxBytes) throw new DocumentError(E.tooLarge, `${bytes.length} bytes exceed ${l.maxBytes}`);
  const mediaType = magicMediaType(bytes);
  if (!mediaType) throw new DocumentError(E.unsupportedType, 'not a PDF, PNG, JPEG or TIFF file');
  if (declaredMediaType && declaredMediaType !== mediaType) {
    throw new DocumentError(E.typeMismatch, `declared ${declaredMediaType} but the bytes are ${mediaType}`);
  }
  if (truncated(bytes, mediaType)) throw new DocumentError(E.corrupt, `${mediaType} is truncated`);
  if (mediaType !== 'application/pdf') return { mediaType, pages: await imagePages(bytes, mediaType, l), size: bytes.length };
  const pdf = await openPdf(bytes, l.maxPixels);
  try {
    if (pdf.numPages > l.maxPages) throw new DocumentError(E.tooManyPages, `${pdf.numPages} pages exceed ${l.maxPages}`);
    return { mediaType, pages: pdf.numPages, size: bytes.length };
  } finally {
    await pdf.destroy();
  }
}
