import type { DocumentRef, DocumentType } from '@tareks/schemas';

/** One uploaded file as the edge received it; nothing in it is trusted until the bytes were sniffed. */
export interface DocumentUpload {
  readonly bytes: Uint8Array;
  /** What the client says the document is (invoice, certificate …). */
  readonly type: DocumentType;
  /** The Content-Type the client sent; absent for `application/octet-stream` (the hub decides from the bytes). */
  readonly declaredMediaType?: string;
  readonly fileName?: string;
}

export interface DocumentContext {
  readonly clientId: string;
  /** The declaration the client uploads for (logged; the bytes are shared by sha256). */
  readonly declarationId: string;
}

export interface StoredDocument {
  /** The reference the client puts into `documents[]` of its declaration. */
  readonly ref: DocumentRef;
  /** True when the same bytes were already stored (by anyone): nothing was written. */
  readonly duplicate: boolean;
}

/**
 * What the edge needs to accept document bytes. Implemented in the hub: sniffs the bytes, applies the size and
 * page limits and stores them once per sha256. Refusals are IngestErrors with `DOC_ERR_…` codes.
 */
export interface DocumentService {
  store(upload: DocumentUpload, ctx: DocumentContext): Promise<StoredDocument>;
}
