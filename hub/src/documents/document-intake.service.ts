import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { IngestError, type DocumentContext, type DocumentService, type DocumentUpload, type StoredDocument } from '@tareks/adapters';
import { isDocumentError, sniffDocument, type DocumentError, type DocumentLimits } from '@tareks/scoring';
import { DOCUMENT_ERROR_CODES as E, SERVICE_ERROR_CODES, type DocumentRef } from '@tareks/schemas';
import type { DocumentStore } from './document.store.js';

const STATUS: Partial<Record<string, number>> = { [E.tooLarge]: 413, [E.unsupportedType]: 415, [E.typeMismatch]: 415 };

/** A refused upload as the edge reports it: 413 too large, 415 not a supported type, 400 for every other bad file. */
const refused = (err: DocumentError): IngestError => new IngestError(err.code, err.message, STATUS[err.code] ?? 400, [], { cause: err });

/**
 * Accepts document bytes at the edge: decides the type from the bytes (never from the name or the header alone),
 * applies the size, page and pixel limits, refuses encrypted, truncated or corrupt files, and stores what passes
 * once per sha256.
 */
export class DocumentIntake implements DocumentService {
  constructor(
    private readonly documents: DocumentStore,
    private readonly limits: DocumentLimits,
    private readonly logger: Logger,
  ) {}

  async store(upload: DocumentUpload, ctx: DocumentContext): Promise<StoredDocument> {
    const sniffed = await sniffDocument(upload.bytes, this.limits, upload.declaredMediaType).catch((err: unknown) => {
      if (!isDocumentError(err)) throw err;
      this.logger.info({ declarationId: ctx.declarationId, clientId: ctx.clientId, code: err.code, reason: err.message }, 'document refused');
      throw refused(err);
    });
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    let written: boolean;
    try {
      written = await this.documents.put(sha256, upload.bytes, sniffed.mediaType);
    } catch (cause) {
      this.logger.error({ err: cause, declarationId: ctx.declarationId, sha256 }, 'document store failed');
      throw new IngestError(SERVICE_ERROR_CODES.unavailable, 'document store unavailable, try again', 503, [], { cause, retryAfterSeconds: 5 });
    }
    const ref: DocumentRef = { type: upload.type, mediaType: sniffed.mediaType, sha256, size: upload.bytes.length, ...(upload.fileName ? { fileName: upload.fileName } : {}) };
    this.logger.info({ declarationId: ctx.declarationId, clientId: ctx.clientId, sha256, pages: sniffed.pages, size: ref.size, written }, 'document stored');
    return { ref, duplicate: !written };
  }
}
