import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { Queue, type ConnectionOptions } from 'bullmq';
import { DEMO_API_KEY } from '@tareks/hub';
import type { DeclarationState, DocumentRef } from '@tareks/schemas';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';
import { REDIS_URL } from '../src/support/test-env.js';

const headers = { 'x-api-key': DEMO_API_KEY };
const url = new URL(REDIS_URL);
const connection: ConnectionOptions = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };

let hub: TestHub;
let ocrQueue: Queue;

beforeAll(async () => {
  // Every role the pipeline needs except ocr-worker: nobody anywhere reads documents.
  hub = await startTestHub({ TAREKS_ROLES: 'api,orchestrator,score-worker,projector', DOCUMENT_DEADLINE_MS: '1500' }, { enrichmentSteps: [] });
  ocrQueue = new Queue(hub.names.queues.ocr, { connection, prefix: hub.names.bullPrefix });
});

afterAll(async () => {
  await ocrQueue?.close();
  await hub?.dispose();
});

async function upload(id: string): Promise<DocumentRef> {
  const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#ffffff' } }).png().toBuffer();
  const res = await fetch(`${hub.url}/v1/declarations/${id}/documents?type=INVOICE`, { method: 'POST', headers: { ...headers, 'content-type': 'image/png' }, body: png });
  expect(res.status).toBe(201);
  return (await res.json()) as DocumentRef;
}

async function state(id: string): Promise<DeclarationState | null> {
  const res = await fetch(`${hub.url}/v1/declarations/${id}`, { headers });
  return res.status === 200 ? ((await res.json()) as DeclarationState) : null;
}

describe('document deadline without any ocr worker', () => {
  it('decides the declaration without its document after DOCUMENT_DEADLINE_MS, saying DOCUMENTS_TIMED_OUT', async () => {
    const declaration = sampleDeclaration();
    const ref = await upload(declaration.id);
    const res = await fetch(`${hub.url}/v1/declarations`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ ...declaration, documents: [ref] }) });
    expect(res.status).toBe(202);

    // While the deadline runs the score job waits for its ocr child, which nobody takes.
    await expect.poll(async () => (await ocrQueue.getJobCounts('waiting')).waiting, { timeout: 10_000 }).toBe(1);
    expect((await state(declaration.id))?.status).not.toBe('DECIDED');

    await expect.poll(async () => (await state(declaration.id))?.status, { timeout: 30_000, interval: 250 }).toBe('DECIDED');
    const decision = (await state(declaration.id))!.decision!;
    for (const item of decision.items) expect(item.reasons.map((r) => r.code)).toContain('DOCUMENTS_TIMED_OUT');
    // The child given up is gone from the ocr queue: an ocr worker started later does not read it for nobody.
    expect(await ocrQueue.getJobCounts('waiting', 'delayed', 'active')).toEqual({ waiting: 0, delayed: 0, active: 0 });
  });
});
