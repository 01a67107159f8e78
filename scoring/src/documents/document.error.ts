import { DOCUMENT_ERROR_CODES, type DocumentErrorCode } from '@tareks/schemas';

const RETRYABLE: ReadonlySet<DocumentErrorCode> = new Set([DOCUMENT_ERROR_CODES.ocrUnavailable, DOCUMENT_ERROR_CODES.notFound]);

/**
 * A document that cannot be read. Codes are stable (`DOC_ERR_…`); only an unavailable OCR engine or missing
 * bytes are worth a retry — a corrupt or encrypted file stays unreadable however often it is tried.
 */
export class DocumentError extends Error {
  override readonly name = 'DocumentError';
  readonly retryable: boolean;

  constructor(readonly code: DocumentErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.retryable = RETRYABLE.has(code);
  }
}

export const isDocumentError = (e: unknown): e is DocumentError => e instanceof DocumentError;
