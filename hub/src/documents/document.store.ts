import type { NatsConnection } from '@nats-io/nats-core';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { DocumentError } from '@tareks/scoring';
import { DOCUMENT_ERROR_CODES, type Names } from '@tareks/schemas';

/** What the store knows of a document without reading its bytes. */
export interface StoredDocumentInfo {
  readonly size: number;
  readonly mediaType: string;
}

/**
 * Document bytes in the NATS object store bucket `<ns>_documents`, one object per sha256 (the object's name), so
 * the same file attached to many declarations is stored once. Messages and jobs carry only the reference.
 */
export class DocumentStore {
  private constructor(private readonly store: ObjectStore) {}

  static async open(nc: NatsConnection, names: Names): Promise<DocumentStore> {
    return new DocumentStore(await new Objm(nc).create(names.objectStore.documents));
  }

  async info(sha256: string): Promise<StoredDocumentInfo | null> {
    const info = await this.store.info(sha256);
    if (!info || info.deleted) return null;
    return { size: info.size, mediaType: info.metadata?.['mediaType'] ?? info.description ?? 'application/octet-stream' };
  }

  /** Stores the bytes under their sha256 unless they are there already; true when written. */
  async put(sha256: string, bytes: Uint8Array, mediaType: string): Promise<boolean> {
    if (await this.info(sha256)) return false;
    await this.store.putBlob({ name: sha256, description: mediaType, metadata: { mediaType } }, bytes);
    return true;
  }

  /** The bytes of a stored document; a missing one is DOC_ERR_NOT_FOUND (retryable: it may still be arriving). */
  async bytes(sha256: string): Promise<Uint8Array> {
    const bytes = await this.store.getBlob(sha256);
    if (!bytes) throw new DocumentError(DOCUMENT_ERROR_CODES.notFound, `document ${sha256} is not in the store`);
    return bytes;
  }
}
