import { createHash } from 'node:crypto';
import type { DocumentRef } from '@tareks/schemas';

/** A blank 16×16 greyscale PNG: the one document every hostile declaration references; the test uploads it first. */
export const HOSTILE_DOCUMENT_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAAAAAA6mKC9AAAAD0lEQVR4nGP4jwYYRrYAAID5/wEokJxdAAAAAElFTkSuQmCC', 'base64');

export const HOSTILE_DOCUMENT: DocumentRef = {
  type: 'INVOICE',
  mediaType: 'image/png',
  sha256: createHash('sha256').update(HOSTILE_DOCUMENT_BYTES).digest('hex'),
  size: HOSTILE_DOCUMENT_BYTES.length,
  fileName: 'fatura-2026-0042.png',
};
