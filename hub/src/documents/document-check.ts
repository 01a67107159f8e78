import { IngestError, type IngestService } from '@tareks/adapters';
import { DOCUMENT_ERROR_CODES as E, INPUT_ERROR_CODES, type DocumentRef, type ErrorDetail } from '@tareks/schemas';
import type { StoredDocumentInfo } from './document.store.js';

export interface DocumentLookup {
  info(sha256: string): Promise<StoredDocumentInfo | null>;
}

/** Every reference of `documents[]` that does not name stored bytes of that media type and size, as pointed details. */
export async function documentReferenceErrors(documents: readonly DocumentRef[], lookup: DocumentLookup): Promise<ErrorDetail[]> {
  const infos = await Promise.all(documents.map((d) => lookup.info(d.sha256)));
  return documents.flatMap((d, i): ErrorDetail[] => {
    const info = infos[i];
    if (!info) return [{ code: E.notFound, pointer: `/documents/${i}/sha256`, message: 'no uploaded document has this sha256; upload it first (POST /v1/declarations/{id}/documents)' }];
    if (info.mediaType !== d.mediaType) return [{ code: E.typeMismatch, pointer: `/documents/${i}/mediaType`, message: `the uploaded document is ${info.mediaType}` }];
    if (info.size !== d.size) return [{ code: INPUT_ERROR_CODES.range, pointer: `/documents/${i}/size`, message: `the uploaded document has ${info.size} bytes` }];
    return [];
  });
}

/**
 * The ingest service with one more check at submit: a declaration may only reference documents already uploaded.
 * Covers REST and SOAP alike; a bad reference is a coded 400 with a pointer per document.
 */
export function withDocumentCheck(inner: IngestService, lookup: DocumentLookup): IngestService {
  return {
    async submit(declaration, ctx, waitMs) {
      if (declaration.documents.length) {
        const details = await documentReferenceErrors(declaration.documents, lookup);
        const first = details[0];
        if (first) throw new IngestError(first.code, `${first.pointer}: ${first.message}`, 400, details);
      }
      return inner.submit(declaration, ctx, waitMs);
    },
    status: (id) => inner.status(id),
  };
}
