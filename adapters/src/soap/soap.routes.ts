import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
// Type-only: brings `schema.hide` (@fastify/swagger) into FastifySchema; the SOAP routes are described by the WSDL instead.
import type {} from '@fastify/swagger';
import type { FastifyBaseLogger, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { INPUT_ERROR_CODES, SERVICE_ERROR_CODES, wsdlDir } from '@tareks/schemas';
import type { ApiKeyVerifier } from '../auth/api-client.js';
import { API_KEY_HEADER } from '../auth/api-key.js';
import type { IngestMetrics, IngestService } from '../ingest/ingest-service.js';
import { parseXml, type XmlElement } from './safe-xml.parser.js';
import { authenticate } from './soap-auth.js';
import { faultHttpStatus, readEnvelope, writeEnvelope, writeFault } from './soap-envelope.js';
import { SoapFault, toSoapFault } from './soap-fault.js';
import { baseUrl, checkEnvelopeVersion, requestText, useSoapTransport, versionOfContentType } from './soap-transport.js';
import { GetDecisionResponse, OPERATIONS, SubmitDeclarationResponse } from './soap-operations.js';
import { readGetDecision, readSubmitDeclaration } from './soap-request.reader.js';
import { TNS, WSDL_ADDRESS_PLACEHOLDER, WSDL_FILE, XSD_FILE, contentTypeOf, type SoapVersion } from './soap.constants.js';
import { jsonToXml } from './xml-mapping.js';

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
}

const DEFAULT_BODY_LIMIT_BYTES = 2 * 1024 * 1024;
/**
 * The customs-facing SOAP endpoint (SOAP 1.1 and 1.2, document/literal wrapped) for `schemas/wsdl/declarations.wsdl`.
 * Registered by the hub under the prefix `/soap/declarations`: POST for calls, GET `?wsdl` and `?xsd=declarations.xsd`
 * for the contract (no key needed).
 */
export const soapRoutes: FastifyPluginAsync<SoapRoutesOptions> = async (app, opts) => {
  const [wsdl, xsd] = await Promise.all([readFile(join(wsdlDir, WSDL_FILE), 'utf8'), readFile(join(wsdlDir, XSD_FILE), 'utf8')]);
  const bodyLimit = opts.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;

  const sendFault = (request: FastifyRequest, reply: FastifyReply, version: SoapVersion, fault: SoapFault): FastifyReply => {
    opts.metrics.rejected('SOAP', fault.code);
    if (fault.kind === 'Server') request.log.error({ err: fault.cause ?? fault, code: fault.code }, 'SOAP request failed');
    else request.log.info({ code: fault.code, details: fault.details }, 'SOAP request rejected');
    if (fault.retryAfterSeconds !== undefined) void reply.header('retry-after', String(fault.retryAfterSeconds));
    return reply.status(faultHttpStatus(version, fault)).type(contentTypeOf(version)).send(writeFault(version, fault));
  };

  useSoapTransport(app, bodyLimit, sendFault);

  const submit = async (operation: XmlElement, clientId: string, log: FastifyBaseLogger): Promise<string> => {
    const { declaration, waitMs } = readSubmitDeclaration(operation);
    const wait = Math.min(waitMs ?? 0, opts.maxWaitMs);
    const result = await opts.ingest.submit(declaration, { clientId, protocol: 'SOAP' }, wait > 0 ? wait : undefined);
    log.info({ declarationId: declaration.id, version: declaration.version, clientId, duplicate: result.receipt.duplicate, decided: !!result.decision }, 'SOAP declaration received');
    return jsonToXml(SubmitDeclarationResponse, 'SubmitDeclarationResponse', result);
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
      const envelope = readEnvelope(parseXml(requestText(request)));
      checkEnvelopeVersion(request, envelope.version);
      version = envelope.version;
      const { operation: el } = envelope;
      const op = el.ns === TNS && Object.hasOwn(OPERATIONS, el.local) ? OPERATIONS[el.local] : undefined;
      if (!op) {
        throw new SoapFault(INPUT_ERROR_CODES.unknownField, `Bilinmeyen işlem / Unknown operation {${el.ns}}${el.local}`, 'Client', [
          { code: INPUT_ERROR_CODES.unknownField, pointer: el.local, message: `expected {${TNS}}SubmitDeclaration or GetDecision` },
        ]);
      }
      const client = await authenticate(opts.verifier, request.headers[API_KEY_HEADER], envelope.headers, op.scope);
      const body = op.name === 'SubmitDeclaration' ? await submit(el, client.clientId, request.log) : await getDecision(el);
      return reply.type(contentTypeOf(version)).send(writeEnvelope(version, body));
    } catch (err) {
      return sendFault(request, reply, version, toSoapFault(err));
    }
  });
};
