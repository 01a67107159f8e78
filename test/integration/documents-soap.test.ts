import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeclarationsSoapClient, DeclarationsSoapError, type DeclarationsSoapClient } from '@tareks/adapters';
import { DEMO_API_KEY } from '@tareks/hub';
import { generateCorpus, type CorpusCase, type CorpusDocument } from '@tareks/scoring';
import type { DeclarationState, DocumentRef } from '@tareks/schemas';
import { withTripledItem } from '../src/support/corpus-declarations.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

// Debian's python3-zeep lives beside Debian's interpreter, not a pyenv one on PATH.
const PYTHON = '/usr/bin/python3';
/** zeep uploads one document with AttachDocument, as a Python customs system would; prints the answer or the fault. */
const ZEEP_ATTACH = `
import base64, json, sys
import requests
from zeep import Client
from zeep.exceptions import Fault
from zeep.helpers import serialize_object
from zeep.transports import Transport
req = json.load(sys.stdin)
session = requests.Session()
session.headers["X-API-Key"] = req["apiKey"]
client = Client(req["url"] + "?wsdl", transport=Transport(session=session))
service = client.bind("DeclarationsService", "DeclarationsSoap11Port")
try:
    out = service.AttachDocument(declarationId=req["id"], attachment={"type": req["type"], "fileName": "fatura.pdf", "content": base64.b64decode(req["content"])})
    print(json.dumps(serialize_object(out, dict), default=str))
except Fault as fault:
    hub = fault.detail.find("{urn:tareks:hub:declarations:v1}HubFault")
    print(json.dumps({"fault": hub.find("{urn:tareks:hub:declarations:v1}code").text}))
`;

let hub: TestHub;
let soap: DeclarationsSoapClient;
let corpusDir: string;
let corpus: CorpusCase;
let serial = 0;

beforeAll(async () => {
  corpusDir = await mkdtemp(join(tmpdir(), 'tareks-documents-soap-'));
  corpus = (await generateCorpus({ outDir: corpusDir, cases: 1, seed: 2027 })).cases[0]!;
  // The whole hub, the ocr-worker role included (one fast worker is enough for text PDFs and keeps the test light).
  hub = await startTestHub({ OCR_POOL_SIZE: '1', OCR_MODEL: 'fast' });
  soap = await createDeclarationsSoapClient({ url: `${hub.url}/soap/declarations`, apiKey: DEMO_API_KEY });
});

afterAll(async () => {
  await hub?.dispose();
  if (corpusDir) await rm(corpusDir, { recursive: true, force: true });
});

const nextId = (): string => `26341300IM${String(800000 + ++serial)}`;
const file = (d: CorpusDocument): Promise<Buffer> => readFile(join(corpusDir, d.file));
const textInvoice = (): CorpusDocument => corpus.documents.find((d) => d.type === 'INVOICE' && !d.scanned && d.mediaType === 'application/pdf')!;

async function pdf(options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  doc.text('Fatura No: GIB2026000000001');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

async function decided(id: string): Promise<NonNullable<DeclarationState['decision']>> {
  let decision: DeclarationState['decision'];
  await expect.poll(async () => {
    const state = await soap.getDecision(id).catch(() => undefined);
    decision = state?.status === 'DECIDED' ? state.decision : undefined;
    return decision !== undefined;
  }, { timeout: 120_000, interval: 250 }).toBe(true);
  return decision!;
}

const codes = (d: NonNullable<DeclarationState['decision']>, itemNo: number): string[] => d.items.find((i) => i.itemNo === itemNo)!.reasons.map((r) => r.code);

const declarationWith = (id: string, documents: DocumentRef[]) => withTripledItem(corpus, id, documents);

async function faultOf(p: Promise<unknown>): Promise<DeclarationsSoapError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeclarationsSoapError);
  return err as DeclarationsSoapError;
}

async function rejectedCount(code: string): Promise<number> {
  const text = await (await fetch(`${hub.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`tareks_ingest_rejected_total{protocol="SOAP",code="${code}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('documents over SOAP through the running hub', () => {
  it('AttachDocument stores a generated PDF invoice; a submit referencing it is decided with document reasons', async () => {
    const id = nextId();
    const invoice = textInvoice();
    const bytes = await file(invoice);
    const attached = await soap.attachDocument(id, { type: 'INVOICE', content: bytes, fileName: invoice.file });
    expect(attached.duplicate).toBe(false);
    expect(attached.document).toEqual({ type: 'INVOICE', mediaType: 'application/pdf', sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, fileName: invoice.file });

    const { declaration, changedItemNo } = declarationWith(id, [attached.document]);
    expect((await soap.submit(declaration)).receipt.id).toBe(id);
    const decision = await decided(id);
    expect(codes(decision, changedItemNo)).toContain('QUANTITY_MISMATCH');
    for (const item of decision.items) {
      expect(codes(decision, item.itemNo)).not.toContain('DOCUMENT_UNREADABLE');
      expect(codes(decision, item.itemNo)).not.toContain('ITEM_NOT_ON_INVOICE');
    }
  });

  it('takes documents inside SubmitDeclaration and adds their references to the declaration', async () => {
    const id = nextId();
    const bytes = await file(textInvoice());
    const { declaration, changedItemNo } = declarationWith(id, []);
    expect((await soap.submit(declaration, 0, [{ type: 'INVOICE', content: bytes }])).receipt.id).toBe(id);
    const decision = await decided(id);
    expect(codes(decision, changedItemNo)).toContain('QUANTITY_MISMATCH');
    const res = await fetch(`${hub.url}/v1/declarations/${id}/documents?type=INVOICE`, { method: 'POST', headers: { 'x-api-key': DEMO_API_KEY, 'content-type': 'application/pdf' }, body: bytes });
    // The same bytes were stored by the SOAP intake: REST finds them (200, not 201).
    expect(res.status).toBe(200);
  });

  it('takes the file as an MTOM part too (multipart/related, raw bytes)', async () => {
    const mtom = await createDeclarationsSoapClient({ url: `${hub.url}/soap/declarations`, apiKey: DEMO_API_KEY, mtom: true });
    const bytes = await pdf({ info: { Title: 'MTOM' } });
    const attached = await mtom.attachDocument(nextId(), { type: 'CERTIFICATE_OF_CONFORMITY', content: bytes, mediaType: 'application/pdf' });
    expect(attached.document).toMatchObject({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    const err = await faultOf(mtom.attachDocument(nextId(), { type: 'INVOICE', content: bytes.subarray(0, 200) }));
    expect(err.code).toBe('DOC_ERR_CORRUPT');
  });

  it('accepts a hand-written SOAP 1.2 envelope with line-wrapped base64', async () => {
    const bytes = await pdf();
    const b64 = bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
    const envelope = `<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:h="urn:tareks:hub:declarations:v1">
  <env:Body>
    <h:AttachDocument>
      <h:declarationId>${nextId()}</h:declarationId>
      <h:attachment>
        <h:type>INVOICE</h:type>
        <h:mediaType>application/pdf</h:mediaType>
        <h:content>
${b64}
        </h:content>
      </h:attachment>
    </h:AttachDocument>
  </env:Body>
</env:Envelope>`;
    const res = await fetch(`${hub.url}/soap/declarations`, { method: 'POST', headers: { 'content-type': 'application/soap+xml; charset=utf-8', 'x-api-key': DEMO_API_KEY }, body: envelope });
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(body).toContain(`<tns:sha256>${createHash('sha256').update(bytes).digest('hex')}</tns:sha256>`);
    expect(body).toContain(`<tns:size>${bytes.length}</tns:size>`);
  });

  it('answers corrupt, encrypted, wrong-type and mislabelled documents with a fault per code, counted', async () => {
    const good = await pdf();
    const cases: [string, Buffer, string | undefined, string][] = [
      ['truncated PDF', good.subarray(0, Math.floor(good.length / 2)), undefined, 'DOC_ERR_CORRUPT'],
      ['encrypted PDF', await pdf({ userPassword: 'gizli' }), undefined, 'DOC_ERR_ENCRYPTED'],
      ['zip file', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300)]), undefined, 'DOC_ERR_UNSUPPORTED_TYPE'],
      ['PDF said to be PNG', good, 'image/png', 'DOC_ERR_TYPE_MISMATCH'],
    ];
    for (const [name, content, mediaType, code] of cases) {
      const before = await rejectedCount(code);
      const err = await faultOf(soap.attachDocument(nextId(), { type: 'INVOICE', content, ...(mediaType ? { mediaType } : {}) }));
      expect([name, err.code, err.faultCode, err.details.map((d) => d.pointer)]).toEqual([name, code, 'Client', ['AttachDocument/attachment/content']]);
      expect(await rejectedCount(code)).toBe(before + 1);
    }
  });

  it('refuses a submit whose reference names no stored document, with the element path', async () => {
    const { declaration } = declarationWith(nextId(), [{ type: 'INVOICE', mediaType: 'application/pdf', sha256: 'f'.repeat(64), size: 10 }]);
    const err = await faultOf(soap.submit(declaration));
    expect(err.code).toBe('DOC_ERR_NOT_FOUND');
    expect(err.details.map((d) => d.pointer)).toEqual(['SubmitDeclaration/declaration/documents/document[1]/sha256']);
  });

  it('serves Python zeep, which sends the file as xs:base64Binary', async () => {
    const bytes = await pdf();
    const child = promisify(execFile)(PYTHON, ['-c', ZEEP_ATTACH], { timeout: 60_000 });
    child.child.stdin!.end(JSON.stringify({ url: `${hub.url}/soap/declarations`, apiKey: DEMO_API_KEY, id: nextId(), type: 'TEST_REPORT', content: bytes.toString('base64') }));
    const out = JSON.parse((await child).stdout) as { document: DocumentRef; duplicate: boolean };
    expect(out.document).toMatchObject({ type: 'TEST_REPORT', mediaType: 'application/pdf', sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });

    const bad = promisify(execFile)(PYTHON, ['-c', ZEEP_ATTACH], { timeout: 60_000 });
    bad.child.stdin!.end(JSON.stringify({ url: `${hub.url}/soap/declarations`, apiKey: DEMO_API_KEY, id: nextId(), type: 'INVOICE', content: Buffer.from('GIF89a....').toString('base64') }));
    expect(JSON.parse((await bad).stdout)).toEqual({ fault: 'DOC_ERR_UNSUPPORTED_TYPE' });
  });
});
