import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
// Type-only: brings `schema.hide` (@fastify/swagger) into FastifySchema; the SOAP routes are described by the WSDL instead.
import type {} from '@fastify/swagger';
import type { FastifyBaseLogger, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { INPUT_ERROR_CODES, SERVICE_ERROR_CODES, wsdlDir, type Declaration, type DocumentAttachment } from '@tareks/schemas';
import type { ApiKeyVerifier } from '../auth/api-client.js';
import { API_KEY_HEADER } from '../auth/api-key.js';
import { IngestError } from '../ingest/ingest-error.js';
import type { IngestMetrics, IngestService } from '../ingest/ingest-service.js';
import { parseXml, type XmlElement } from './safe-xml.parser.js';
import { authenticate } from './soap-auth.js';
import { faultHttpStatus, readEnvelope, writeEnvelope, writeFault } from './soap-envelope.js';
import { base64Allowance, markupLength, storeAttachment, withAttachedRefs, type SoapDocumentOptions } from './soap-documents.js';
import { SoapFault, invalidInput, toSoapFault } from './soap-fault.js';
import { baseUrl, checkEnvelopeVersion, decodeUtf8, useSoapTransport, versionOfContentType } from './soap-transport.js';
import { MTOM_MEDIA_TYPE, isMtom, readMtom, resolveXop } from './mtom.js';
import { AttachDocumentResponse, GetDecisionResponse, MAX_DOCUMENTS, OPERATIONS, SubmitDeclarationRequest, SubmitDeclarationResponse } from './soap-operations.js';
import { readAttachDocument, readGetDecision, readSubmitDeclaration } from './soap-request.reader.js';
import { TNS, WSDL_ADDRESS_PLACEHOLDER, WSDL_FILE, XSD_FILE, contentTypeOf, type SoapVersion } from './soap.constants.js';
import { jsonToXml, pointerToElementPath } from './xml-mapping.js';

export interface SoapRoutesOptions {
  /** The pipeline behind the edge (the hub's implementation). */
  readonly ingest: IngestService;
  readonly verifier: ApiKeyVerifier;
  /** Every fault is counted here with its code. */
  readonly metrics: IngestMetrics;
  /** Longest a SubmitDeclaration may wait for its decision, in ms; a longer `waitMs` in the request is capped to it. */
  readonly maxWaitMs: number;
  /** Largest accepted request body in bytes. Default 2 MiB: a declaration with 999 fully filled items is ≈ 0.8 MB of XML. */
  readonly bodyLimitBytes?: number;
  /**
   * Documents over SOAP (`AttachDocument`, `SubmitDeclaration/attachments`), taken by the REST upload's intake. The
   * body limit grows by one largest document in base64 (4/3 of its bytes, plus line breaks); the markup around it
   * stays within `bodyLimitBytes`. Absent: the endpoint refuses documents.
   */
  readonly documents?: SoapDocumentOptions;
}

const DEFAULT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** The pipeline's details point into the JSON declaration (`/documents/0/sha256`); SOAP callers get element paths. */
function withElementPaths(err: unknown): unknown {
  if (!(err instanceof IngestError) || !err.details.some((d) => d.pointer.startsWith('/'))) return err;
  const details = err.details.map((d) => (d.pointer.startsWith('/') ? { ...d, pointer: pointerToElementPath(SubmitDeclarationRequest, 'SubmitDeclaration', `/declaration${d.pointer}`) } : d));
  return new IngestError(err.code, err.message, err.httpStatus, details, { cause: err, retryAfterSeconds: err.retryAfterSeconds });
}
/**
 * The customs-facing SOAP endpoint (SOAP 1.1 and 1.2, document/literal wrapped) for `schemas/wsdl/declarations.wsdl`.
 * Registered by the hub under the prefix `/soap/declarations`: POST for calls, GET `?wsdl` and `?xsd=declarations.xsd`
 * for the contract (no key needed).
 */
export const soapRoutes: FastifyPluginAsync<SoapRoutesOptions> = async (app, opts) => {
  const [wsdl, xsd] = await Promise.all([readFile(join(wsdlDir, WSDL_FILE), 'utf8'), readFile(join(wsdlDir, XSD_FILE), 'utf8')]);
  const markupLimit = opts.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const bodyLimit = markupLimit + (opts.documents ? base64Allowance(opts.documents.maxBytes) : 0);

  const sendFault = (request: FastifyRequest, reply: FastifyReply, version: SoapVersion, fault: SoapFault): FastifyReply => {
    opts.metrics.rejected('SOAP', fault.code);
    if (fault.kind === 'Server') request.log.error({ err: fault.cause ?? fault, code: fault.code }, 'SOAP request failed');
    else request.log.info({ code: fault.code, details: fault.details }, 'SOAP request rejected');
    if (fault.retryAfterSeconds !== undefined) void reply.header('retry-after', String(fault.retryAfterSeconds));
    return reply.status(faultHttpStatus(version, fault)).type(contentTypeOf(version)).send(writeFault(version, fault));
  };

  useSoapTransport(app, bodyLimit, sendFault);
  // MTOM only where documents are taken: the envelope is one part, each document's bytes another.
  if (opts.documents) app.addContentTypeParser(MTOM_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));

  const documentsService = (path: string): SoapDocumentOptions => {
    if (opts.documents) return opts.documents;
    throw new SoapFault(INPUT_ERROR_CODES.unknownField, 'Bu uç belge kabul etmiyor / This endpoint takes no documents', 'Client', [
      { code: INPUT_ERROR_CODES.unknownField, pointer: path, message: 'documents are not accepted here' },
    ]);
  };

  /** Stores the attachments one after the other (one decoded file in memory at a time) and adds their references. */
  const attach = async (declaration: Declaration, attachments: readonly DocumentAttachment[], clientId: string, log: FastifyBaseLogger): Promise<Declaration> => {
    const docs = documentsService('SubmitDeclaration/attachments');
    const refs = [];
    for (const [i, attachment] of attachments.entries()) {
      const stored = await storeAttachment(docs, attachment, `SubmitDeclaration/attachments/attachment[${i + 1}]`, { clientId, declarationId: declaration.id });
      log.info({ declarationId: declaration.id, sha256: stored.ref.sha256, size: stored.ref.size, duplicate: stored.duplicate }, 'SOAP document received');
      refs.push(stored.ref);
    }
    const documents = withAttachedRefs(declaration.documents, refs);
    if (documents.length > MAX_DOCUMENTS) {
      throw invalidInput([{ code: INPUT_ERROR_CODES.length, pointer: 'SubmitDeclaration/attachments', message: `documents and attachments together must not exceed ${MAX_DOCUMENTS}` }]);
    }
    return { ...declaration, documents };
  };

  const submit = async (operation: XmlElement, clientId: string, log: FastifyBaseLogger): Promise<string> => {
    const input = readSubmitDeclaration(operation);
    const declaration = input.attachments?.length ? await attach(input.declaration, input.attachments, clientId, log) : input.declaration;
    const wait = Math.min(input.waitMs ?? 0, opts.maxWaitMs);
    const result = await opts.ingest.submit(declaration, { clientId, protocol: 'SOAP' }, wait > 0 ? wait : undefined).catch((err: unknown) => {
      throw withElementPaths(err);
    });
    log.info({ declarationId: declaration.id, version: declaration.version, clientId, duplicate: result.receipt.duplicate, decided: !!result.decision }, 'SOAP declaration received');
    return jsonToXml(SubmitDeclarationResponse, 'SubmitDeclarationResponse', result);
  };

  const attachDocument = async (operation: XmlElement, clientId: string, log: FastifyBaseLogger): Promise<string> => {
    const docs = documentsService('AttachDocument');
    const { declarationId, attachment } = readAttachDocument(operation);
    const stored = await storeAttachment(docs, attachment, 'AttachDocument/attachment', { clientId, declarationId });
    log.info({ declarationId, clientId, sha256: stored.ref.sha256, size: stored.ref.size, duplicate: stored.duplicate }, 'SOAP document received');
    return jsonToXml(AttachDocumentResponse, 'AttachDocumentResponse', { document: stored.ref, duplicate: stored.duplicate });
  };

  const getDecision = async (operation: XmlElement): Promise<string> => {
    const { id, version } = readGetDecision(operation);
    const state = await opts.ingest.status(id);
    // An older version asked for is answered with the latest state, whose version shows it was superseded.
    if (!state || (version !== undefined && version > state.version)) {
      throw new SoapFault(SERVICE_ERROR_CODES.notFound, `Beyanname bulunamadı / Declaration ${id}${version ? ` v${version}` : ''} not found`, 'Client');
    }
    return jsonToXml(GetDecisionResponse, 'GetDecisionResponse', { state });
  };

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const query = Object.fromEntries(Object.entries(request.query as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const base = baseUrl(request);
    if ('wsdl' in query) {
      const served = wsdl.replaceAll(WSDL_ADDRESS_PLACEHOLDER, base).replace(`schemaLocation="${XSD_FILE}"`, `schemaLocation="${base}?xsd=${XSD_FILE}"`);
      return reply.type('text/xml; charset=utf-8').send(served);
    }
    if (query.xsd === XSD_FILE) return reply.type('text/xml; charset=utf-8').send(xsd);
    return reply.status(404).type('text/plain; charset=utf-8').send(`WSDL: ${base}?wsdl`);
  });

  app.post('/', { bodyLimit, schema: { hide: true } }, async (request, reply) => {
    let version = versionOfContentType(request.headers['content-type']);
    try {
      const contentType = request.headers['content-type'] ?? '';
      const mtom = isMtom(contentType) ? await readMtom(request.body as Buffer, contentType) : undefined;
      const xml = mtom?.envelope ?? (request.body as Buffer);
      // Only document content may use the room above the ordinary limit: a huge declaration is still refused unparsed.
      if (xml.length > markupLimit && markupLength(xml) > markupLimit) {
        throw new SoapFault(INPUT_ERROR_CODES.bodyTooLarge, 'İstek çok büyük / Request body too large', 'Client');
      }
      const root = parseXml(decodeUtf8(xml));
      if (mtom) resolveXop(root, mtom.parts);
      const envelope = readEnvelope(root);
      checkEnvelopeVersion(request, envelope.version);
      version = envelope.version;
      const { operation: el } = envelope;
      const op = el.ns === TNS && Object.hasOwn(OPERATIONS, el.local) ? OPERATIONS[el.local] : undefined;
      if (!op) {
        throw new SoapFault(INPUT_ERROR_CODES.unknownField, `Bilinmeyen işlem / Unknown operation {${el.ns}}${el.local}`, 'Client', [
          { code: INPUT_ERROR_CODES.unknownField, pointer: el.local, message: `expected {${TNS}}${Object.keys(OPERATIONS).join(', ')}` },
        ]);
      }
      const client = await authenticate(opts.verifier, request.headers[API_KEY_HEADER], envelope.headers, op.scope);
      const answer =
        op.name === 'SubmitDeclaration' ? await submit(el, client.clientId, request.log)
        : op.name === 'AttachDocument' ? await attachDocument(el, client.clientId, request.log)
        : await getDecision(el);
      return reply.type(contentTypeOf(version)).send(writeEnvelope(version, answer));
    } catch (err) {
      return sendFault(request, reply, version, toSoapFault(err));
    }
  });
};
