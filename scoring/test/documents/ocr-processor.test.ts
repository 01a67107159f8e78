import { randomBytes, createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { Queue, QueueEvents, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { DOCUMENT_ERROR_CODES as E, names, type DocumentExtraction, type OcrJob } from '@tareks/schemas';
import { createOcrPool, createOcrProcessor, type OcrPool } from '@tareks/scoring';
import { corpusFixture } from './corpus-fixture.js';

const connection: ConnectionOptions = { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null };
const n = names(`t_${randomBytes(4).toString('hex')}`);
const store = new Map<string, Uint8Array>();
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
let fixture: Awaited<ReturnType<typeof corpusFixture>>;
let pool: OcrPool;
let queue: Queue<OcrJob, DocumentExtraction>;
let events: QueueEvents;
let worker: Worker<OcrJob, DocumentExtraction>;
const progress: unknown[] = [];

beforeAll(async () => {
  fixture = await corpusFixture({ cases: 1, scans: false });
  pool = await createOcrPool({ size: 1, logger: pino({ level: 'warn' }) });
  queue = new Queue(n.queues.ocr, { connection, prefix: n.bullPrefix });
  events = new QueueEvents(n.queues.ocr, { connection, prefix: n.bullPrefix });
  await events.waitUntilReady();
  events.on('progress', ({ data }) => progress.push(data));
  const processor = createOcrProcessor({ pool, loadBytes: async (s) => store.get(s) ?? Promise.reject(new Error('no such object')), logger: pino({ level: 'silent' }) });
  worker = new Worker(n.queues.ocr, processor, { connection, prefix: n.bullPrefix, concurrency: 2 });
});
afterAll(async () => {
  await worker?.close();
  await events?.close();
  await queue?.obliterate({ force: true });
  await queue?.close();
  await pool?.close();
  await fixture?.dispose();
});

async function run(bytes: Uint8Array | null, ref: Partial<OcrJob['document']>, attempts = 1): Promise<{ job: Job; result: DocumentExtraction }> {
  const sha256 = bytes ? sha(bytes) : 'f'.repeat(64);
  if (bytes) store.set(sha256, bytes);
  const data: OcrJob = {
    declarationId: '26341300IM000001', version: 1,
    document: { type: 'INVOICE', mediaType: 'application/pdf', sha256, size: bytes?.length || 1, ...ref },
  };
  const job = await queue.add('ocr', data, { jobId: `26341300IM000001:1:${sha256}`, attempts, backoff: { type: 'fixed', delay: 10 } });
  const result = (await job.waitUntilFinished(events, 120_000)) as DocumentExtraction;
  return { job, result };
}

describe('ocr job processor on BullMQ', () => {
  it('returns the extraction of a document and reports progress per page', async () => {
    const doc = fixture.manifest.cases[0]!.documents.find((d) => d.invoice)!;
    const { result } = await run(await fixture.bytes(doc), {});
    expect(result).toMatchObject({ status: 'OK', detectedType: 'INVOICE', declaredType: 'INVOICE', invoice: { invoiceNo: { value: doc.invoice!.invoiceNo } } });
    expect(progress).toContainEqual({ pagesDone: 1, pages: 1 });
  });

  it('completes a bad file as UNREADABLE with its code, so the declaration is still decided', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(64)]);
    expect((await run(zip, {})).result).toMatchObject({ status: 'UNREADABLE', error: { code: E.unsupportedType } });
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    expect((await run(png, { mediaType: 'image/png' })).result).toMatchObject({ status: 'UNREADABLE', error: { code: E.corrupt } });
  });

  it('retries missing bytes and gives up as UNREADABLE on the last attempt', async () => {
    const { job, result } = await run(null, {}, 2);
    expect(result).toMatchObject({ status: 'UNREADABLE', error: { code: E.notFound } });
    expect((await queue.getJob(job.id!))!.attemptsMade).toBe(2);
  });
});
