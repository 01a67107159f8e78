import type {} from '@fastify/swagger';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_ERROR_CODES, INPUT_ERROR_CODES } from '@tareks/schemas';
import type { ApiClient, ApiKeyVerifier } from '../auth/api-client.js';
import { API_KEY_HEADER } from '../auth/api-key.js';
import { IngestError } from '../ingest/ingest-error.js';
import type { IngestMetrics } from '../ingest/ingest-service.js';
import type { OutcomeService } from '../outcomes/outcome-service.js';
import { parseXml, type XmlElement } from '../soap/safe-xml.parser.js';
import { authenticate } from '../soap/soap-auth.js';
import { faultHttpStatus, readEnvelope, writeEnvelope, writeFault } from '../soap/soap-envelope.js';
import { SoapFault, toSoapFault } from '../soap/soap-fault.js';
import { baseUrl, checkEnvelopeVersion, requestText, useSoapTransport, versionOfContentType } from '../soap/soap-transport.js';
import { contentTypeOf, type SoapVersion } from '../soap/soap.constants.js';
import { jsonToXml } from '../soap/xml-mapping.js';
import {
  generateOutcomesWsdl, generateOutcomesXsd, OUTCOMES_TNS, OUTCOMES_WSDL_ADDRESS_PLACEHOLDER, OUTCOMES_XSD_FILE, RECORD_OUTCOME_SCOPES,
  RecordOutcomeResponse,
} from './outcomes-soap.contract.js';
import { inOutcomesNamespace, readRecordOutcome } from './outcomes-soap.mapping.js';

export interface OutcomesSoapRoutesOptions {
  /** The same service as `POST /v1/outcomes`: idempotency and conflicts are decided there. */
  readonly service: OutcomeService;
  readonly verifier: ApiKeyVerifier;
  /** Every fault is counted here with its code. */
  readonly metrics: IngestMetrics;
  /** Largest accepted request body in bytes. Default 256 KiB: an outcome with 50 findings of 2,000 characters is ≈ 110 KB of XML. */
  readonly bodyLimitBytes?: number;
}

const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;

/** The key's client when it holds one of the recording scopes (tried in order; the last refusal is the answer). */
async function recorder(verifier: ApiKeyVerifier, request: FastifyRequest, headers: readonly XmlElement[]): Promise<ApiClient> {
  let refusal: unknown;
  for (const scope of RECORD_OUTCOME_SCOPES) {
    try {
      return await authenticate(verifier, request.headers[API_KEY_HEADER], headers, scope);
    } catch (err) {
      if (!(err instanceof IngestError && err.code === AUTH_ERROR_CODES.scope)) throw err;
      refusal = err;
    }
  }
  throw refusal;
}

/**
 * The SOAP equivalent of `POST /v1/outcomes` (SOAP 1.1 and 1.2, document/literal wrapped): `RecordOutcome { outcome }`
 * → `{ receipt }`. Registered under the prefix `/soap/outcomes`: POST for calls, GET `?wsdl` and `?xsd=outcomes.xsd`.
 */
export const outcomesSoapRoutes: FastifyPluginAsync<OutcomesSoapRoutesOptions> = async (app, opts) => {
  const [wsdl, xsd] = [generateOutcomesWsdl(), generateOutcomesXsd()];
  const bodyLimit = opts.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;

  const sendFault = (request: FastifyRequest, reply: FastifyReply, version: SoapVersion, fault: SoapFault): FastifyReply => {
    opts.metrics.rejected('SOAP', fault.code);
    if (fault.kind === 'Server') request.log.error({ err: fault.cause ?? fault, code: fault.code }, 'SOAP outcome request failed');
    else request.log.info({ code: fault.code, details: fault.details }, 'SOAP outcome request rejected');
    if (fault.retryAfterSeconds !== undefined) void reply.header('retry-after', String(fault.retryAfterSeconds));
    return reply.status(faultHttpStatus(version, fault)).type(contentTypeOf(version)).send(inOutcomesNamespace(writeFault(version, fault)));
  };

  useSoapTransport(app, bodyLimit, sendFault);

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const query = Object.fromEntries(Object.entries(request.query as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const base = baseUrl(request);
    if ('wsdl' in query) {
      const served = wsdl.replaceAll(OUTCOMES_WSDL_ADDRESS_PLACEHOLDER, base).replace(`schemaLocation="${OUTCOMES_XSD_FILE}"`, `schemaLocation="${base}?xsd=${OUTCOMES_XSD_FILE}"`);
      return reply.type('text/xml; charset=utf-8').send(served);
    }
    if (query.xsd === OUTCOMES_XSD_FILE) return reply.type('text/xml; charset=utf-8').send(xsd);
    return reply.status(404).type('text/plain; charset=utf-8').send(`WSDL: ${base}?wsdl`);
  });

  app.post('/', { bodyLimit, schema: { hide: true } }, async (request, reply) => {
    let version = versionOfContentType(request.headers['content-type']);
    try {
      const envelope = readEnvelope(parseXml(requestText(request)));
      checkEnvelopeVersion(request, envelope.version);
      version = envelope.version;
      const { operation: el } = envelope;
      if (el.ns !== OUTCOMES_TNS || el.local !== 'RecordOutcome') {
        throw new SoapFault(INPUT_ERROR_CODES.unknownField, `Bilinmeyen işlem / Unknown operation {${el.ns}}${el.local}`, 'Client', [
          { code: INPUT_ERROR_CODES.unknownField, pointer: el.local, message: `expected {${OUTCOMES_TNS}}RecordOutcome` },
        ]);
      }
      // Authenticated before the body is mapped: an unknown caller learns nothing about its content's validity.
      const client = await recorder(opts.verifier, request, envelope.headers);
      const outcome = readRecordOutcome(el);
      const receipt = await opts.service.record(outcome, { kind: 'api-client', id: client.clientId, roles: ['inspector'] });
      request.log.info({ declarationId: outcome.declarationId, version: outcome.version, itemNo: outcome.itemNo, duplicate: receipt.duplicate, clientId: client.clientId }, 'SOAP outcome recorded');
      return reply.type(contentTypeOf(version)).send(inOutcomesNamespace(writeEnvelope(version, jsonToXml(RecordOutcomeResponse, 'RecordOutcomeResponse', { receipt }))));
    } catch (err) {
      return sendFault(request, reply, version, toSoapFault(err));
    }
  });
};
