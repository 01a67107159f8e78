import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { FlowProducer, type ConnectionOptions } from 'bullmq';
import { pino } from 'pino';
import { documentRoutes } from '@tareks/adapters';
import { DEMO_API_KEY, DocumentIntake, DocumentStore, Orchestrator, createScoreQueue, startOcrRole, type OcrRole } from '@tareks/hub';
import { generateCorpus, type CorpusCase, type CorpusDocument } from '@tareks/scoring';
import type { ApiError, Declaration, DeclarationState, DocumentRef } from '@tareks/schemas';
import { withTripledItem } from '../src/support/corpus-declarations.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';
import { REDIS_URL } from '../src/support/test-env.js';

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const headers = { 'x-api-key': DEMO_API_KEY };
const url = new URL(REDIS_URL);
const connection: ConnectionOptions = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };

let hub: TestHub;
let corpusDir: string;
let corpus: CorpusCase;
let uploads: FastifyInstance;
let orchestrator: Orchestrator;
let flows: FlowProducer;
let scoreQueue: ReturnType<typeof createScoreQueue>;
let ocr: OcrRole;
let serial = 0;

beforeAll(async () => {
  corpusDir = await mkdtemp(join(tmpdir(), 'tareks-documents-'));
  corpus = (await generateCorpus({ outDir: corpusDir, cases: 1, seed: 2026 })).cases[0]!;
  // The hub without its orchestrator: this test runs the orchestrator with the flow producer, and the OCR role.
  hub = await startTestHub({ TAREKS_ROLES: 'api,score-worker,projector' });
  const store = await DocumentStore.open(hub.nats.nc, hub.names);
  uploads = Fastify();
  await uploads.register(documentRoutes, { documents: new DocumentIntake(store, {}, logger), verifier: hub.apiKeys, metrics: hub.metrics, maxBytes: 20 * 1024 * 1024 });
  scoreQueue = createScoreQueue(connection, hub.names);
  flows = new FlowProducer({ connection, prefix: hub.names.bullPrefix });
  orchestrator = new Orchestrator({
    js: hub.nats.js, jsm: hub.nats.jsm, names: hub.names, states: hub.states, scoreQueue, flows, steps: [], deadLetters: hub.deadLetters, logger, maxAckPending: 50,
  });
  await orchestrator.start();
  ocr = await startOcrRole({ connection, names: hub.names, documents: store, logger, pool: { size: 1, model: 'fast' } });
});

afterAll(async () => {
  await orchestrator?.stop();
  await ocr?.stop();
  await flows?.close();
  await scoreQueue?.close();
  await uploads?.close();
  await hub?.dispose();
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

const nextId = (): string => `26341300IM${String(900000 + ++serial)}`;

async function upload(id: string, bytes: Buffer, contentType: string, type: DocumentRef['type']): Promise<{ status: number; body: DocumentRef & ApiError }> {
  const res = await uploads.inject({ method: 'POST', url: `/v1/declarations/${id}/documents?type=${type}`, headers: { ...headers, 'content-type': contentType }, payload: bytes });
  return { status: res.statusCode, body: res.json() };
}

const file = (d: CorpusDocument): Promise<Buffer> => readFile(join(corpusDir, d.file));

async function submit(declaration: Declaration): Promise<number> {
  const res = await fetch(`${hub.url}/v1/declarations`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(declaration) });
  return res.status;
}

async function decided(id: string): Promise<NonNullable<DeclarationState['decision']>> {
  for (;;) {
    const res = await fetch(`${hub.url}/v1/declarations/${id}`, { headers });
    if (res.status === 200) {
      const state = (await res.json()) as DeclarationState;
      if (state.status === 'DECIDED' && state.decision) return state.decision;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

const codes = (d: NonNullable<DeclarationState['decision']>, itemNo: number): string[] => d.items.find((i) => i.itemNo === itemNo)!.reasons.map((r) => r.code);

describe('documents of a declaration: upload → OCR flow → decision', () => {
  it('reads a text PDF invoice and a scanned page, and the decision names where the declaration disagrees', async () => {
    const id = nextId();
    const invoice = corpus.documents.find((d) => d.type === 'INVOICE' && !d.scanned)!;
    const scan = corpus.documents.find((d) => d.scanned && d.mediaType === 'image/png') ?? corpus.documents.find((d) => d.scanned)!;
    const refs: DocumentRef[] = [];
    for (const d of [invoice, scan]) {
      const { status, body } = await upload(id, await file(d), d.mediaType, d.type);
      expect(status).toBe(201);
      expect(body.mediaType).toBe(d.mediaType);
      refs.push(body);
    }
    const { declaration, changedItemNo } = withTripledItem(corpus, id, refs);
    expect(await submit(declaration)).toBe(202);
    const decision = await decided(id);
    expect(codes(decision, changedItemNo)).toContain('QUANTITY_MISMATCH');
    for (const item of decision.items) {
      expect(codes(decision, item.itemNo)).not.toContain('DOCUMENT_UNREADABLE');
      expect(codes(decision, item.itemNo)).not.toContain('DOCUMENTS_TIMED_OUT');
      expect(codes(decision, item.itemNo)).not.toContain('ITEM_NOT_ON_INVOICE');
    }
  });

  it('refuses a corrupt file at upload with a coded 400', async () => {
    const pdf = await file(corpus.documents.find((d) => d.mediaType === 'application/pdf' && !d.scanned)!);
    const { status, body } = await upload(nextId(), pdf.subarray(0, Math.floor(pdf.length / 2)), 'application/pdf', 'INVOICE');
    expect(status).toBe(400);
    expect(body.error.code).toBe('DOC_ERR_CORRUPT');
  });

  it('still decides a declaration whose document cannot be read, with DOCUMENT_UNREADABLE', async () => {
    const id = nextId();
    // A PNG whose header and end are sound but whose pixels are not: it passes the upload checks, the decoder fails on it.
    const png = await file(corpus.documents.find((d) => d.mediaType === 'image/png') ?? corpus.documents.find((d) => d.scanned)!);
    const broken = Buffer.from(png);
    broken.fill(0x5a, 200, Math.min(broken.length - 64, 4000));
    const { status, body } = await upload(id, broken, 'application/octet-stream', 'INVOICE');
    expect(status).toBe(201);
    expect(await submit({ ...corpus.declaration, id, submittedAt: new Date().toISOString(), documents: [body] })).toBe(202);
    const decision = await decided(id);
    for (const item of decision.items) expect(codes(decision, item.itemNo)).toContain('DOCUMENT_UNREADABLE');
    expect(decision.lane).not.toBe('GREEN');
  });
});
