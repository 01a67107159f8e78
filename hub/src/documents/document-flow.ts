import type { FlowJob, JobsOptions } from 'bullmq';
import { versionJobId, type DocumentRef, type Names, type OcrJob, type ScoreJob } from '@tareks/schemas';

/** Attempts of one ocr job: passing failures only (bytes not visible yet, OCR engine down); bad files complete as UNREADABLE. */
export const OCR_ATTEMPTS = 3;

/** BullMQ id of the ocr job of one document of a declaration version (BullMQ refuses `:` in ids). */
export const ocrJobId = (declarationId: string, version: number, sha256: string): string => `${versionJobId(declarationId, version)}_${sha256.slice(0, 16)}`;

const uniqueBySha = (documents: readonly DocumentRef[]): DocumentRef[] => [...new Map(documents.map((d) => [d.sha256, d])).values()];

/**
 * The BullMQ flow of a declaration with documents: the `score` job (jobId id_v<version>, the score queue's own
 * options) waits for one `ocr` child per distinct document. A child that fails for good is ignored by the parent
 * (`ignoreDependencyOnFailure`), so the declaration is still decided — without that document, and saying so.
 */
export function scoreFlow(job: ScoreJob, names: Names, scoreOptions: JobsOptions): FlowJob {
  const { id, version } = job.declaration;
  return {
    name: 'score',
    queueName: names.queues.score,
    prefix: names.bullPrefix,
    data: job,
    opts: { ...scoreOptions, jobId: versionJobId(id, version) },
    children: uniqueBySha(job.declaration.documents).map((document) => ({
      name: 'ocr',
      queueName: names.queues.ocr,
      prefix: names.bullPrefix,
      data: { declarationId: id, version, document } satisfies OcrJob,
      opts: {
        jobId: ocrJobId(id, version, document.sha256),
        attempts: OCR_ATTEMPTS,
        backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
        ignoreDependencyOnFailure: true,
        // The parent keeps each child's result in its own hash, so the child can go once done.
        removeOnComplete: { age: 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    })),
  };
}
