import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentContext, DocumentService, DocumentUpload, StoredDocument } from '../../src/documents/document-service.js';
import { IngestError } from '../../src/ingest/ingest-error.js';
import { parseXml, type XmlElement } from '../../src/soap/safe-xml.parser.js';
import { createDeclarationsSoapClient } from '../../src/soap/declarations.soap-client.js';
import { base64Allowance, decodeBase64, markupLength } from '../../src/soap/soap-documents.js';
import { soapRoutes } from '../../src/soap/soap.routes.js';
import { fullDeclaration, InMemoryIngest, KEYS, RecordingMetrics, verifier } from './soap.fixtures.js';
import { RAW_DECLARATION, envelope11, envelope12, submitBody } from './soap.raw.js';

const URL = '/soap/declarations';
const XML = { 'content-type': 'text/xml; charset=utf-8', 'x-api-key': KEYS.full };
const MARKUP_LIMIT = 64 * 1024;
const MAX_DOCUMENT = 512 * 1024;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n');

/** Stands in for the hub's intake at the edge: records uploads, refuses what does not start like a PDF. */
class RecordingDocuments implements DocumentService {
  readonly uploads: { upload: DocumentUpload; ctx: DocumentContext }[] = [];
  private readonly seen = new Set<string>();
  async store(upload: DocumentUpload, ctx: DocumentContext): Promise<StoredDocument> {
    this.uploads.push({ upload, ctx });
    if (!Buffer.from(upload.bytes).subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new IngestError('DOC_ERR_UNSUPPORTED_TYPE', 'not a PDF, PNG, JPEG or TIFF file', 415);
    if (upload.bytes.length > MAX_DOCUMENT) throw new IngestError('DOC_ERR_TOO_LARGE', `${upload.bytes.length} bytes exceed ${MAX_DOCUMENT}`, 413);
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    const duplicate = this.seen.has(sha256);
    this.seen.add(sha256);
    return { ref: { type: upload.type, mediaType: 'application/pdf', sha256, size: upload.bytes.length, ...(upload.fileName ? { fileName: upload.fileName } : {}) }, duplicate };
  }
}

let app: FastifyInstance;
let ingest: InMemoryIngest;
let metrics: RecordingMetrics;
let documents: RecordingDocuments;

async function build(withDocuments = true): Promise<void> {
  app = Fastify({ logger: false });
  ingest = new InMemoryIngest();
  metrics = new RecordingMetrics();
  documents = new RecordingDocuments();
  await app.register(soapRoutes, {
    prefix: URL, ingest, verifier: verifier(), metrics, maxWaitMs: 5_000, bodyLimitBytes: MARKUP_LIMIT,
    ...(withDocuments ? { documents: { service: documents, maxBytes: MAX_DOCUMENT } } : {}),
  });
  await app.ready();
}
beforeEach(() => build());
afterEach(async () => {
  await app.close();
});

const post = (payload: string | Buffer, headers: Record<string, string> = XML) => app.inject({ method: 'POST', url: URL, headers, payload });

function find(el: XmlElement, local: string): XmlElement | undefined {
  if (el.local === local) return el;
  for (const c of el.children) {
    const hit = find(c, local);
    if (hit) return hit;
  }
  return undefined;
}
const textOf = (xml: string, local: string): string | undefined => find(parseXml(xml), local)?.text;
const fault = (xml: string): { code?: string; pointers: string[] } => {
  const hub = find(parseXml(xml), 'HubFault')!;
  const pointers: string[] = [];
  const walk = (el: XmlElement): void => {
    if (el.local === 'pointer') pointers.push(el.text);
    el.children.forEach(walk);
  };
  walk(hub);
  return { code: hub.children.find((c) => c.local === 'code')?.text, pointers };
};

/** Base64 wrapped at 76 characters and indented, as MIME-minded toolkits write it. */
const wrapped = (bytes: Buffer): string => `\n        ${bytes.toString('base64').replace(/.{76}/g, '$&\n        ')}\n      `;

const attachBody = (content: string, extra = ''): string => `
  <d:AttachDocument xmlns:d="urn:tareks:hub:declarations:v1">
    <d:declarationId>26341300IM000123</d:declarationId>
    <d:attachment>
      <d:type>INVOICE</d:type>
      <d:fileName>fatura.pdf</d:fileName>${extra}
      <d:content>${content}</d:content>
    </d:attachment>
  </d:AttachDocument>`;

describe('SOAP documents: AttachDocument', () => {
  it('stores a hand-written base64 document through the intake and answers its DocumentRef', async () => {
    const res = await post(envelope11(attachBody(wrapped(PDF))));
    expect(res.statusCode).toBe(200);
    expect(documents.uploads).toHaveLength(1);
    const { upload, ctx } = documents.uploads[0]!;
    expect(Buffer.from(upload.bytes).equals(PDF)).toBe(true);
    expect(upload).toMatchObject({ type: 'INVOICE', fileName: 'fatura.pdf' });
    expect(upload.declaredMediaType).toBeUndefined();
    expect(ctx).toEqual({ clientId: 'gtb-customs', declarationId: '26341300IM000123' });
    expect(textOf(res.body, 'sha256')).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(textOf(res.body, 'size')).toBe(String(PDF.length));
    expect(textOf(res.body, 'duplicate')).toBe('false');
    expect(textOf((await post(envelope11(attachBody(PDF.toString('base64'))))).body, 'duplicate')).toBe('true');
  });

  it('passes the declared media type on, for the intake to check against the bytes', async () => {
    await post(envelope12(attachBody(PDF.toString('base64'), '<d:mediaType>image/png</d:mediaType>')), { ...XML, 'content-type': 'application/soap+xml' });
    expect(documents.uploads[0]!.upload.declaredMediaType).toBe('image/png');
  });

  it('answers a refused document with its DOC_ERR code and the element path, and counts it', async () => {
    const res = await post(envelope11(attachBody(Buffer.from('PK\x03\x04 a zip, not a PDF').toString('base64'))));
    expect(res.statusCode).toBe(500);
    expect(textOf(res.body, 'faultcode')).toBe('soap:Client');
    expect(fault(res.body)).toEqual({ code: 'DOC_ERR_UNSUPPORTED_TYPE', pointers: ['AttachDocument/attachment/content'] });
    expect(metrics.rejections).toEqual([{ protocol: 'SOAP', code: 'DOC_ERR_UNSUPPORTED_TYPE' }]);
  });

  it('refuses content that is not base64 before the intake sees it', async () => {
    const res = await post(envelope11(attachBody('JVBERi0x*Lj==')));
    expect(fault(res.body)).toEqual({ code: 'HUB_ERR_FORMAT', pointers: ['AttachDocument/attachment/content'] });
    expect(documents.uploads).toHaveLength(0);
    expect(metrics.rejections).toEqual([{ protocol: 'SOAP', code: 'HUB_ERR_FORMAT' }]);
  });

  it('refuses a missing content or an unknown document type with element paths', async () => {
    const res = await post(envelope11(attachBody(PDF.toString('base64')).replace('<d:type>INVOICE</d:type>', '<d:type>FATURA</d:type>')));
    expect(fault(res.body).pointers).toEqual(['AttachDocument/attachment/type']);
    const noContent = await post(envelope11(attachBody('').replace(/<d:content>.*<\/d:content>/, '')));
    expect(fault(noContent.body)).toMatchObject({ code: 'HUB_ERR_FIELD_REQUIRED' });
  });

  it('needs the write scope', async () => {
    const res = await post(envelope11(attachBody(PDF.toString('base64'))), { ...XML, 'x-api-key': KEYS.readOnly });
    expect(fault(res.body).code).toBe('HUB_ERR_SCOPE_DENIED');
    expect(documents.uploads).toHaveLength(0);
  });
});

describe('SOAP documents: attachments inside SubmitDeclaration', () => {
  const attachments = (...contents: string[]): string =>
    `<d:attachments>${contents.map((c, i) => `<d:attachment><d:type>${i ? 'CERTIFICATE_OF_CONFORMITY' : 'INVOICE'}</d:type><d:content>${c}</d:content></d:attachment>`).join('')}</d:attachments>`;

  it('stores each attachment and submits the declaration with their references added', async () => {
    const cert = Buffer.concat([PDF, Buffer.from('% certificate\n%%EOF\n')]);
    const res = await post(envelope11(submitBody(RAW_DECLARATION, attachments(PDF.toString('base64'), wrapped(cert)))));
    expect(res.statusCode).toBe(200);
    const submitted = ingest.calls.at(-1)!.declaration;
    expect(submitted.documents.map((d) => [d.type, d.size])).toEqual([
      ['INVOICE', 48213], ['CERTIFICATE_OF_CONFORMITY', 1], ['INVOICE', PDF.length], ['CERTIFICATE_OF_CONFORMITY', cert.length],
    ]);
    expect(documents.uploads.map((u) => u.ctx.declarationId)).toEqual(['26341300IM000123', '26341300IM000123']);
  });

  it('refuses the whole submit when one attachment is refused, pointing at that attachment', async () => {
    const res = await post(envelope11(submitBody(RAW_DECLARATION, attachments(PDF.toString('base64'), Buffer.from('GIF89a').toString('base64')))));
    expect(fault(res.body)).toEqual({ code: 'DOC_ERR_UNSUPPORTED_TYPE', pointers: ['SubmitDeclaration/attachments/attachment[2]/content'] });
    expect(ingest.calls).toHaveLength(0);
  });

  it('says an endpoint without a document service takes no documents', async () => {
    await app.close();
    await build(false);
    const res = await post(envelope11(submitBody(RAW_DECLARATION, attachments(PDF.toString('base64')))));
    expect(fault(res.body)).toEqual({ code: 'HUB_ERR_FIELD_UNKNOWN', pointers: ['SubmitDeclaration/attachments'] });
    expect(ingest.calls).toHaveLength(0);
  });
});

describe('SOAP documents: body limits', () => {
  it('lets a document use the room of its base64 above the markup limit', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_DOCUMENT - PDF.length, 0x41)]);
    const payload = envelope11(attachBody(wrapped(big)));
    expect(payload.length).toBeGreaterThan(MARKUP_LIMIT);
    const res = await post(payload);
    expect(res.statusCode).toBe(200);
    expect(textOf(res.body, 'size')).toBe(String(MAX_DOCUMENT));
  });

  it('refuses a document larger than the document limit with DOC_ERR_TOO_LARGE, and a larger body unread', async () => {
    const over = Buffer.concat([PDF, Buffer.alloc(MAX_DOCUMENT - PDF.length + 1, 0x41)]);
    expect(fault((await post(envelope11(attachBody(over.toString('base64'))))).body).code).toBe('DOC_ERR_TOO_LARGE');
    const far = Buffer.alloc(MAX_DOCUMENT * 2, 0x41);
    expect(fault((await post(envelope11(attachBody(far.toString('base64'))))).body).code).toBe('HUB_ERR_BODY_TOO_LARGE');
  });

  it('keeps the markup limit for everything that is not document content', async () => {
    const items = Array.from({ length: 400 }, (_, i) => `<d:item><d:itemNo>${i + 1}</d:itemNo><d:description>${'x'.repeat(200)} y</d:description></d:item>`).join('');
    const payload = envelope11(submitBody(RAW_DECLARATION.replace('<d:items>', `<d:items>${items}`)));
    expect(payload.length).toBeGreaterThan(MARKUP_LIMIT);
    expect(payload.length).toBeLessThan(MARKUP_LIMIT + base64Allowance(MAX_DOCUMENT));
    const res = await post(payload);
    expect(fault(res.body).code).toBe('HUB_ERR_BODY_TOO_LARGE');
    expect(ingest.calls).toHaveLength(0);
  });

  it('does not take whitespace padding for document content', async () => {
    for (const size of [MARKUP_LIMIT + 1, 3 * MARKUP_LIMIT]) {
      const xml = envelope11(submitBody());
      const padded = xml.replace('</soapenv:Body>', `${' '.repeat(size - Buffer.byteLength(xml))}</soapenv:Body>`);
      expect(fault((await post(padded)).body).code).toBe('HUB_ERR_BODY_TOO_LARGE');
    }
    expect(ingest.calls).toHaveLength(0);
  });
});

/** A multipart/related MTOM request as JAX-WS or WCF send it: the envelope first, the file as a raw binary part. */
function mtomRequest(envelope: string, parts: { id: string; body: Buffer }[], boundary = 'uuid:6b1f0c1e-mtom'): { payload: Buffer; contentType: string } {
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Type: application/xop+xml; charset=UTF-8; type="text/xml"\r\nContent-Transfer-Encoding: 8bit\r\nContent-ID: <root.message@cxf.apache.org>\r\n\r\n${envelope}`)];
  for (const p of parts) chunks.push(Buffer.from(`\r\n--${boundary}\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <${p.id}>\r\n\r\n`), p.body);
  chunks.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/related; type="application/xop+xml"; boundary="${boundary}"; start="<root.message@cxf.apache.org>"; start-info="text/xml"` };
}
const include = (id: string): string => `<xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:${encodeURIComponent(id)}"/>`;

describe('SOAP documents: MTOM', () => {
  it('reads the document from its binary part, byte for byte', async () => {
    const bytes = Buffer.concat([PDF, Buffer.from([0, 13, 10, 45, 45, 255, 254])]);
    const { payload, contentType } = mtomRequest(envelope11(attachBody(include('fatura@customs.gov.tr'))), [{ id: 'fatura@customs.gov.tr', body: bytes }]);
    const res = await post(payload, { ...XML, 'content-type': contentType });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/xml');
    expect(Buffer.from(documents.uploads[0]!.upload.bytes).equals(bytes)).toBe(true);
    expect(textOf(res.body, 'size')).toBe(String(bytes.length));
  });

  it('refuses an xop:Include naming no part, and a multipart body without a boundary', async () => {
    const { payload, contentType } = mtomRequest(envelope11(attachBody(include('missing@x'))), [{ id: 'other@x', body: PDF }]);
    expect(fault((await post(payload, { ...XML, 'content-type': contentType })).body).code).toBe('HUB_ERR_MALFORMED_XML');
    expect(fault((await post(payload, { ...XML, 'content-type': 'multipart/related; type="application/xop+xml"' })).body).code).toBe('HUB_ERR_MALFORMED_XML');
    expect(documents.uploads).toHaveLength(0);
  });

  it('is refused as a media type where the endpoint takes no documents', async () => {
    await app.close();
    await build(false);
    const { payload, contentType } = mtomRequest(envelope11(attachBody(include('a@x'))), [{ id: 'a@x', body: PDF }]);
    expect(fault((await post(payload, { ...XML, 'content-type': contentType })).body).code).toBe('HUB_ERR_UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('SOAP documents: the soap package as client', () => {
  it('uploads as base64 and as MTOM, and submits with an attachment', async () => {
    const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}${URL}`;
    const bytes = Buffer.concat([PDF, Buffer.from('% ğüşiöç\n')]);
    const base64 = await createDeclarationsSoapClient({ url, apiKey: KEYS.full });
    const mtom = await createDeclarationsSoapClient({ url, apiKey: KEYS.full, mtom: true });
    const a = await base64.attachDocument('26341300IM000123', { type: 'INVOICE', content: bytes, fileName: 'fatura.pdf' });
    const b = await mtom.attachDocument('26341300IM000123', { type: 'INVOICE', content: bytes, fileName: 'fatura.pdf', mediaType: 'application/pdf' });
    expect(a).toEqual({ document: { type: 'INVOICE', mediaType: 'application/pdf', sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, fileName: 'fatura.pdf' }, duplicate: false });
    expect(b).toEqual({ ...a, duplicate: true });
    expect(documents.uploads.map((u) => Buffer.from(u.upload.bytes).equals(bytes))).toEqual([true, true]);
    const result = await mtom.submit(fullDeclaration({ documents: [] }), 0, [{ type: 'TEST_REPORT', content: bytes }]);
    expect(result.receipt.status).toBe('RECEIVED');
    expect(ingest.calls.at(-1)!.declaration.documents).toEqual([{ type: 'TEST_REPORT', mediaType: 'application/pdf', sha256: a.document.sha256, size: bytes.length }]);
  });
});

describe('base64 helpers', () => {
  it('decodes wrapped base64 and measures the markup around it', () => {
    const bytes = Buffer.alloc(10_000, 7);
    expect(decodeBase64(wrapped(bytes), 'x').equals(bytes)).toBe(true);
    const xml = Buffer.from(`<a><b>${bytes.toString('base64')}</b></a>`);
    expect(markupLength(xml)).toBe(14);
    expect(base64Allowance(3 * 1024)).toBe(4096 + 2 * Math.ceil(4096 / 76));
  });

  it('measures the markup around megabytes of content (no regexp stack to overflow)', () => {
    const big = Buffer.from(`<a><b>${Buffer.alloc(8 * 1024 * 1024, 0x41).toString('base64')}</b></a>`);
    expect(markupLength(big)).toBe(14);
  });
});
