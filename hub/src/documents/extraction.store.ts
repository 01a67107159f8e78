import type { NatsConnection } from '@nats-io/nats-core';
import { Objm, type ObjectStore } from '@nats-io/obj';
import type { DocumentExtraction, Names } from '@tareks/schemas';

/**
 * What OCR read from each document — pages with their words, boxes and confidences, and the extracted fields — in
 * the object store bucket `<ns>_extractions`, one object per sha256 of the document. The `ocr` job hands the same
 * extraction to its parent score job, which keeps it only in Redis for its own run; this copy is the durable one the
 * inspector screen reads. An object, not a KV entry: a 20-page scan with its words is well over NATS' 1 MB payload.
 */
export class ExtractionStore {
  private constructor(private readonly store: ObjectStore) {}

  static async open(nc: NatsConnection, names: Names): Promise<ExtractionStore> {
    return new ExtractionStore(await new Objm(nc).create(names.objectStore.extractions));
  }

  /** Stores (or replaces) the extraction of document `sha256`; the page count goes into the object's metadata. */
  async put(sha256: string, extraction: DocumentExtraction): Promise<void> {
    const body = new TextEncoder().encode(JSON.stringify({ ...extraction, sha256 }));
    await this.store.putBlob({ name: sha256, metadata: { pages: String(extraction.pages.length), status: extraction.status } }, body);
  }

  async get(sha256: string): Promise<DocumentExtraction | null> {
    const bytes = await this.store.getBlob(sha256);
    return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as DocumentExtraction) : null;
  }
}
