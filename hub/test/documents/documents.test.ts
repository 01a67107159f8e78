import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { documentRoutes, type ApiKeyVerifier, type IngestService } from '@tareks/adapters';
import { names, type ApiError, type Declaration, type DocumentRef, type ScoreJob } from '@tareks/schemas';
import { DocumentIntake } from '../../src/documents/document-intake.service.js';
import { DocumentStore } from '../../src/documents/document.store.js';
import { withDocumentCheck } from '../../src/documents/document-check.js';
import { ocrJobId, scoreFlow } from '../../src/documents/document-flow.js';
import { openTestNamespace, type TestNamespace } from '../warehouse/nats-namespace.js';
import { whitePng } from './png.js';

const logger = pino({ level: 'silent' });
const KEY = 'test-key';
const verifier: ApiKeyVerifier = { verify: async (key) => (key === KEY ? { clientId: 'gumruk-test', scopes: ['declarations:write'] } : null) };
const rejected: string[] = [];
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

let t: TestNamespace;
let store: DocumentStore;
let app: FastifyInstance;

beforeAll(async () => {
  t = await openTestNamespace();
  store = await DocumentStore.open(t.nc, t.names);
  app = Fastify();
  await app.register(documentRoutes, {
    documents: new DocumentIntake(store, { maxBytes: 64 * 1024, maxPages: 2 }, logger),
    verifier,
    metrics: { rejected: (_protocol, code) => rejected.push(code) },
    maxBytes: 64 * 1024,
  });
});

afterAll(async () => {
  await app?.close();
  await t?.jsm.streams.delete(`OBJ_${t.names.objectStore.documents}`).catch(() => undefined);
  await t?.drop();
});

const upload = (body: Buffer | string, contentType: string, query = '?type=INVOICE', key = KEY) =>
  app.inject({ method: 'POST', url: `/v1/declarations/26341300IM000123/documents${query}`, headers: { 'content-type': contentType, 'x-api-key': key }, payload: body });

describe('document upload', () => {
  it('stores a file once per sha256 and answers its reference with the sniffed media type', async () => {
    const png = whitePng(40, 30);
    const first = await upload(png, 'application/octet-stream', '?type=INVOICE&fileName=fatura.png');
    expect(first.statusCode).toBe(201);
    const ref = first.json<DocumentRef>();
    expect(ref).toEqual({ type: 'INVOICE', mediaType: 'image/png', sha256: sha(png), size: png.length, fileName: 'fatura.png' });
    const again = await upload(png, 'image/png');
    expect(again.statusCode).toBe(200);
    expect(again.json<DocumentRef>().sha256).toBe(ref.sha256);
    expect(await store.info(ref.sha256)).toEqual({ size: png.length, mediaType: 'image/png' });
    expect(Buffer.from(await store.bytes(ref.sha256)).equals(png)).toBe(true);
  });

  it.each([
    ['a truncated PNG', whitePng(40, 30).subarray(0, 60), 'image/png', 400, 'DOC_ERR_CORRUPT'],
    ['text sent as a file', Buffer.from('merhaba dünya, bu bir fatura değil'), 'application/octet-stream', 415, 'DOC_ERR_UNSUPPORTED_TYPE'],
    ['a PNG sent as a PDF', whitePng(10, 10), 'application/pdf', 415, 'DOC_ERR_TYPE_MISMATCH'],
    ['an empty body', Buffer.alloc(0), 'image/png', 400, 'DOC_ERR_EMPTY'],
    ['JSON instead of a file', '{"pdf":true}', 'application/json', 415, 'DOC_ERR_UNSUPPORTED_TYPE'],
    ['a body over the size limit', Buffer.alloc(70 * 1024, 1), 'image/png', 413, 'DOC_ERR_TOO_LARGE'],
  ])('refuses %s with a coded error and counts it', async (_what, body, contentType, status, code) => {
    const res = await upload(body, contentType);
    expect(res.statusCode).toBe(status);
    expect(res.json<ApiError>().error.code).toBe(code);
    expect(rejected).toContain(code);
  });

  it('needs an API key with declarations:write and a document type', async () => {
    expect((await upload(whitePng(5, 5), 'image/png', '?type=INVOICE', 'nope')).statusCode).toBe(401);
    const noType = await upload(whitePng(5, 5), 'image/png', '');
    expect(noType.statusCode).toBe(400);
    expect(noType.json<ApiError>().error.details?.[0]?.pointer).toContain('type');
  });
});

describe('document references at submit', () => {
  const submitted: Declaration[] = [];
  const inner: IngestService = {
    submit: async (declaration) => {
      submitted.push(declaration);
      return { receipt: { id: declaration.id, version: declaration.version, status: 'RECEIVED', duplicate: false, receivedAt: new Date().toISOString(), statusUrl: '' } };
    },
    status: async () => null,
  };
  const checked = withDocumentCheck(inner, { info: (s) => store.info(s) });
  const declaration = (documents: DocumentRef[]) => ({ id: '26341300IM000124', version: 1, documents }) as unknown as Declaration;

  it('passes a declaration whose documents were uploaded and points at each one that was not', async () => {
    const png = whitePng(12, 12);
    await store.put(sha(png), png, 'image/png');
    const good: DocumentRef = { type: 'INVOICE', mediaType: 'image/png', sha256: sha(png), size: png.length };
    await checked.submit(declaration([good]), { clientId: 'c', protocol: 'REST' });
    expect(submitted).toHaveLength(1);

    const missing: DocumentRef = { ...good, sha256: 'a'.repeat(64) };
    const wrongType: DocumentRef = { ...good, mediaType: 'application/pdf' };
    const err = await checked.submit(declaration([good, missing, wrongType]), { clientId: 'c', protocol: 'REST' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DOC_ERR_NOT_FOUND', httpStatus: 400 });
    expect((err as { details: unknown[] }).details).toEqual([
      expect.objectContaining({ code: 'DOC_ERR_NOT_FOUND', pointer: '/documents/1/sha256' }),
      expect.objectContaining({ code: 'DOC_ERR_TYPE_MISMATCH', pointer: '/documents/2/mediaType' }),
    ]);
    expect(submitted).toHaveLength(1);
  });
});

describe('score flow of a declaration with documents', () => {
  it('makes one ocr child per distinct document that never blocks the score parent', () => {
    const n = names('t_flow');
    const doc = (s: string): DocumentRef => ({ type: 'INVOICE', mediaType: 'application/pdf', sha256: s.repeat(64), size: 10 });
    const job = { declaration: { id: '26341300IM000125', version: 2, documents: [doc('a'), doc('b'), doc('a')] } } as unknown as ScoreJob;
    const flow = scoreFlow(job, n, { attempts: 5 });
    expect(flow).toMatchObject({ name: 'score', queueName: n.queues.score, prefix: n.bullPrefix, opts: { attempts: 5, jobId: '26341300IM000125_v2' } });
    expect(flow.children?.map((c) => [c.queueName, c.opts?.jobId, c.opts?.ignoreDependencyOnFailure])).toEqual([
      [n.queues.ocr, ocrJobId('26341300IM000125', 2, 'a'.repeat(64)), true],
      [n.queues.ocr, '26341300IM000125_v2_bbbbbbbbbbbbbbbb', true],
    ]);
    expect(flow.children?.[0]?.data).toEqual({ declarationId: '26341300IM000125', version: 2, document: doc('a') });
  });
});
