import { createHash } from 'node:crypto';
import type { Job } from 'bullmq';
import pino, { type Logger } from 'pino';
import { DOCUMENT_ERROR_CODES as E, type DocumentExtraction, type OcrJob } from '@tareks/schemas';
import { DocumentError, isDocumentError } from '../document.error.js';
import { readDocument, unreadableExtraction } from '../read-document.js';
import type { DocumentLimits } from '../sniff.js';
import type { OcrPool } from './ocr.pool.js';

/** Progress the ocr job reports after each page. */
export interface OcrProgress {
  readonly pagesDone: number;
  readonly pages: number;
}

export interface OcrProcessorOptions {
  readonly pool: OcrPool;
  /** Fetches document bytes by sha256 (the NATS object store in the hub). Throwing makes the job retry. */
  readonly loadBytes: (sha256: string) => Promise<Uint8Array>;
  readonly limits?: DocumentLimits;
  readonly logger?: Logger;
}

/**
 * The BullMQ processor of the `ocr` queue: reads one document of a declaration and returns its extraction, which
 * the parent `score` job collects with `getChildrenValues()`. A document that can never be read (corrupt,
 * encrypted, wrong type, too big) completes the job with status UNREADABLE so the declaration is still decided;
 * a passing failure (bytes not there yet, OCR engine down) throws to be retried, and on the last attempt it too
 * completes as UNREADABLE.
 */
export function createOcrProcessor(o: OcrProcessorOptions): (job: Job<OcrJob, DocumentExtraction>) => Promise<DocumentExtraction> {
  const log = o.logger ?? pino({ name: 'ocr-worker' });
  return async (job) => {
    const { declarationId, version, document } = job.data;
    const ctx = { declarationId, version, sha256: document.sha256, jobId: job.id };
    try {
      let bytes: Uint8Array;
      try {
        bytes = await o.loadBytes(document.sha256);
      } catch (cause) {
        throw new DocumentError(E.notFound, `document ${document.sha256} could not be loaded`, { cause });
      }
      if (createHash('sha256').update(bytes).digest('hex') !== document.sha256) {
        throw new DocumentError(E.corrupt, 'document bytes do not match their sha256');
      }
      const extraction = await readDocument(bytes, document.mediaType, o.pool, {
        limits: o.limits,
        sha256: document.sha256,
        declaredType: document.type,
        onPage: (pagesDone, pages) => job.updateProgress({ pagesDone, pages } satisfies OcrProgress),
      });
      log.info({ ...ctx, pages: extraction.pages.length, detectedType: extraction.detectedType, ms: Math.round(extraction.ms) }, 'document read');
      return extraction;
    } catch (err) {
      if (!isDocumentError(err)) throw err;
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (err.retryable && !lastAttempt) {
        log.warn({ ...ctx, code: err.code, attempt: job.attemptsMade + 1 }, 'document not read yet, will retry');
        throw err;
      }
      log.warn({ ...ctx, code: err.code, err }, 'document unreadable');
      return unreadableExtraction(err, document.mediaType, document.sha256, document.type);
    }
  };
}
