import { availableParallelism } from 'node:os';
import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { createOcrPool, createOcrProcessor, type DocumentLimits, type OcrPool, type OcrPoolOptions } from '@tareks/scoring';
import type { DocumentExtraction, Names, OcrJob } from '@tareks/schemas';
import type { DocumentStore } from './document.store.js';
import { ocrEvent } from '../timeline/timeline-events.js';
import type { TimelineRecorder } from '../timeline/timeline.recorder.js';
import type { ExtractionStore } from './extraction.store.js';

/** Default DOCUMENT_DEADLINE_MS: a 20-page scan at ≈ 2 s/page plus a queue ahead of it, yet a decision within minutes. */
export const DEFAULT_DOCUMENT_DEADLINE_MS = 180_000;

/** A document not read by its deadline: its job fails for good and the declaration is decided without it. */
export class DocumentDeadlineError extends UnrecoverableError {
  readonly code = 'HUB_ERR_DOCUMENT_DEADLINE';
  readonly retryable = false;
}

export interface OcrRoleOptions {
  readonly connection: ConnectionOptions;
  readonly names: Names;
  readonly documents: Pick<DocumentStore, 'bytes'>;
  /** Where each extraction is kept for good (the inspector screen); without it the extraction lives only in the flow. */
  readonly extractions?: Pick<ExtractionStore, 'put'>;
  readonly logger: Logger;
  /** The tesseract.js pool: `size` workers (one core, ≈ 200 MB each; default the cores), model, language data. Started lazily. */
  readonly pool?: OcrPoolOptions;
  /** From the flow's creation to the moment a document is given up, ms. Default 180 s. */
  readonly deadlineMs?: number;
  readonly limits?: DocumentLimits;
  /** Where each document's OCR result (read, unreadable, deadline) is appended to the declaration's timeline. */
  readonly timeline?: TimelineRecorder;
}

type OcrProcessor = ReturnType<typeof createOcrProcessor>;

export interface OcrRole {
  readonly worker: Worker<OcrJob, DocumentExtraction>;
  /** Stops taking jobs, lets the ones in hand finish, then ends the OCR workers. */
  stop(): Promise<void>;
}

/**
 * The job as the processor sees it, except that reporting progress after the deadline throws: the pages not read
 * yet are not read at all once nobody waits for them any more.
 */
function untilDeadline(job: Job<OcrJob, DocumentExtraction>, deadlineAt: number, expired: () => Error): Job<OcrJob, DocumentExtraction> {
  return Object.create(job, {
    updateProgress: {
      value: async (progress: object) => {
        if (Date.now() >= deadlineAt) throw expired();
        await job.updateProgress(progress);
      },
    },
  }) as Job<OcrJob, DocumentExtraction>;
}

/**
 * The `ocr-worker` role: a BullMQ worker on the ocr queue reading one document per job with a pool of tesseract.js
 * workers kept for the life of the process (started with the first job); bytes come from the document store by
 * sha256. Each job may take one pool worker, so the BullMQ concurrency is the pool size.
 */
export async function startOcrRole(o: OcrRoleOptions): Promise<OcrRole> {
  const size = Math.max(1, o.pool?.size ?? availableParallelism());
  const deadlineMs = o.deadlineMs ?? DEFAULT_DOCUMENT_DEADLINE_MS;
  let pool: OcrPool | null = null;
  let processor: Promise<OcrProcessor> | null = null;
  // Started with the first document, so a process that runs every role pays nothing until documents arrive.
  const processorOf = (): Promise<OcrProcessor> =>
    (processor ??= createOcrPool({ logger: o.logger, ...o.pool, size }).then(
      (started) => {
        pool = started;
        return createOcrProcessor({ pool: started, loadBytes: (sha256) => o.documents.bytes(sha256), limits: o.limits, logger: o.logger });
      },
      (err: unknown) => {
        processor = null;
        throw err;
      },
    ));

  const process = async (job: Job<OcrJob, DocumentExtraction>): Promise<DocumentExtraction> => {
    const deadlineAt = job.timestamp + deadlineMs;
    const expired = () => new DocumentDeadlineError(`document ${job.data.document.sha256} not read within ${deadlineMs} ms`);
    if (Date.now() >= deadlineAt) throw expired();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(expired()), deadlineAt - Date.now());
    });
    const work = processorOf().then((read) => read(untilDeadline(job, deadlineAt, expired)));
    // Past the deadline the work stops at its next page; its failure then has nobody to tell.
    work.catch(() => undefined);
    let extraction: DocumentExtraction;
    try {
      extraction = await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
    // Before the job completes: a failed write fails the attempt and is retried, so a decided document is always kept.
    await o.extractions?.put(job.data.document.sha256, extraction);
    return extraction;
  };

  const worker = new Worker<OcrJob, DocumentExtraction>(o.names.queues.ocr, process, {
    connection: o.connection,
    prefix: o.names.bullPrefix,
    concurrency: size,
  });
  worker.on('completed', (job, result) => o.timeline?.record(ocrEvent(job.data, result)));
  worker.on('failed', (job, err) => {
    if (!job) return;
    if (err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1)) o.timeline?.record(ocrEvent(job.data, null, err));
    const { declarationId, version, document } = job.data;
    o.logger.warn({ err, declarationId, version, sha256: document.sha256, attempts: job.attemptsMade }, 'ocr job failed');
  });
  worker.on('error', (err) => o.logger.warn({ err }, 'ocr worker error'));
  return {
    worker,
    async stop() {
      await worker.close();
      await processor?.catch(() => undefined);
      await (pool as OcrPool | null)?.close();
    },
  };
}
