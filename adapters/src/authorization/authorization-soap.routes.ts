import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {} from '@fastify/swagger';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { INPUT_ERROR_CODES, wsdlDir } from '@tareks/schemas';
import type { ApiKeyVerifier } from '../auth/api-client.js';
import { API_KEY_HEADER } from '../auth/api-key.js';
import type { IngestMetrics } from '../ingest/ingest-service.js';
import { parseXml, type XmlElement } from '../soap/safe-xml.parser.js';
import { authenticate } from '../soap/soap-auth.js';
import { faultHttpStatus, readEnvelope, writeEnvelope, writeFault } from '../soap/soap-envelope.js';
import { SoapFault, toSoapFault } from '../soap/soap-fault.js';
import { baseUrl, checkEnvelopeVersion, requestText, useSoapTransport, versionOfContentType } from '../soap/soap-transport.js';
import { contentTypeOf, envelopeNs, type SoapVersion } from '../soap/soap.constants.js';
import { jsonToXml } from '../soap/xml-mapping.js';
import { authorizationNotFound } from './authorization-errors.js';
import type { AuthorizationContext, AuthorizationService } from './authorization-service.js';
import { AUTHZ_TNS, AUTHZ_WSDL_ADDRESS_PLACEHOLDER, AUTHZ_WSDL_FILE, AUTHZ_XSD_FILE } from './authorization-soap.constants.js';
import { inAuthorizationNamespace, readGetAuthorization, readSignedAuthorization, readSubmitAuthorization } from './authorization-soap.mapping.js';
import { AUTHORIZATION_OPERATIONS, GetAuthorizationResponse, SubmitAuthorizationResponse } from './authorization-soap.operations.js';
import { operationDocument } from './signed-element.js';

export interface AuthorizationSoapRoutesOptions {
  readonly service: AuthorizationService;
  readonly verifier: ApiKeyVerifier;
  /** Every fault is counted here with its code. */
  readonly metrics: IngestMetrics;
  /** Largest accepted request body in bytes. Default 256 KiB: a signed request with a three-certificate chain is ≈ 10 KB. */
  readonly bodyLimitBytes?: number;
}

const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;
/**
 * The digital authorization SOAP endpoint (SOAP 1.1 and 1.2, document/literal wrapped) for
 * `schemas/wsdl/authorizations.wsdl`. Registered under the prefix `/soap/authorizations`: POST for calls, GET `?wsdl`
 * and `?xsd=authorizations.xsd` for the contract. `SubmitAuthorization` carries the applicant's enveloped XML signature.
 */
export const authorizationSoapRoutes: FastifyPluginAsync<AuthorizationSoapRoutesOptions> = async (app, opts) => {
  const [wsdl, xsd] = await Promise.all([readFile(join(wsdlDir, AUTHZ_WSDL_FILE), 'utf8'), readFile(join(wsdlDir, AUTHZ_XSD_FILE), 'utf8')]);
  const bodyLimit = opts.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;

  const sendFault = (request: FastifyRequest, reply: FastifyReply, version: SoapVersion, fault: SoapFault): FastifyReply => {
    opts.metrics.rejected('SOAP', fault.code);
    if (fault.kind === 'Server') request.log.error({ err: fault.cause ?? fault, code: fault.code }, 'SOAP authorization request failed');
    else request.log.info({ code: fault.code, details: fault.details }, 'SOAP authorization request rejected');
    if (fault.retryAfterSeconds !== undefined) void reply.header('retry-after', String(fault.retryAfterSeconds));
    return reply.status(faultHttpStatus(version, fault)).type(contentTypeOf(version)).send(inAuthorizationNamespace(writeFault(version, fault)));
  };

  useSoapTransport(app, bodyLimit, sendFault);

  const submit = async (operation: XmlElement, text: string, version: SoapVersion, ctx: AuthorizationContext, request: FastifyRequest): Promise<string> => {
    const claimed = readSubmitAuthorization(operation);
    const document = operationDocument(text, envelopeNs(version));
    const outcome = await opts.service.submit({ method: 'XMLDSIG', claimed, document, readSigned: readSignedAuthorization }, ctx);
    request.log.info({ requestId: claimed.requestId, status: outcome.record.result.status, duplicate: outcome.duplicate, clientId: ctx.clientId }, 'SOAP authorization request decided');
    return jsonToXml(SubmitAuthorizationResponse, 'SubmitAuthorizationResponse', { authorization: outcome.record, duplicate: outcome.duplicate });
  };

  const get = async (operation: XmlElement, clientId: string): Promise<string> => {
    const requestId = readGetAuthorization(operation);
    const record = await opts.service.get(requestId, clientId);
    if (!record) throw authorizationNotFound(requestId);
    return jsonToXml(GetAuthorizationResponse, 'GetAuthorizationResponse', { authorization: record });
  };

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const query = Object.fromEntries(Object.entries(request.query as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    const base = baseUrl(request);
    if ('wsdl' in query) {
      const served = wsdl.replaceAll(AUTHZ_WSDL_ADDRESS_PLACEHOLDER, base).replace(`schemaLocation="${AUTHZ_XSD_FILE}"`, `schemaLocation="${base}?xsd=${AUTHZ_XSD_FILE}"`);
      return reply.type('text/xml; charset=utf-8').send(served);
    }
    if (query.xsd === AUTHZ_XSD_FILE) return reply.type('text/xml; charset=utf-8').send(xsd);
    return reply.status(404).type('text/plain; charset=utf-8').send(`WSDL: ${base}?wsdl`);
  });

  app.post('/', { bodyLimit, schema: { hide: true } }, async (request, reply) => {
    let version = versionOfContentType(request.headers['content-type']);
    try {
      const text = requestText(request);
      const envelope = readEnvelope(parseXml(text));
      checkEnvelopeVersion(request, envelope.version);
      version = envelope.version;
      const { operation: el } = envelope;
      const op = el.ns === AUTHZ_TNS && Object.hasOwn(AUTHORIZATION_OPERATIONS, el.local) ? AUTHORIZATION_OPERATIONS[el.local] : undefined;
      if (!op) {
        throw new SoapFault(INPUT_ERROR_CODES.unknownField, `Bilinmeyen işlem / Unknown operation {${el.ns}}${el.local}`, 'Client', [
          { code: INPUT_ERROR_CODES.unknownField, pointer: el.local, message: `expected {${AUTHZ_TNS}}SubmitAuthorization or GetAuthorization` },
        ]);
      }
      const client = await authenticate(opts.verifier, request.headers[API_KEY_HEADER], envelope.headers, op.scope);
      const body =
        op.name === 'SubmitAuthorization'
          ? await submit(el, text, version, { clientId: client.clientId, protocol: 'SOAP' }, request)
          : await get(el, client.clientId);
      return reply.type(contentTypeOf(version)).send(inAuthorizationNamespace(writeEnvelope(version, body)));
    } catch (err) {
      return sendFault(request, reply, version, toSoapFault(err));
    }
  });
};
