import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { INPUT_ERROR_CODES } from '@tareks/schemas';
import { SoapFault, toSoapFault } from './soap-fault.js';
import type { SoapVersion } from './soap.constants.js';

/** What every SOAP endpoint of ours shares on the HTTP side: XML bodies only, strict UTF-8, version from the Content-Type. */
export const XML_MEDIA_TYPES = ['text/xml', 'application/soap+xml', 'application/xml'];

/** The SOAP version a Content-Type binds to: text/xml is SOAP 1.1, application/soap+xml SOAP 1.2, others neither. */
export function declaredVersionOf(contentType: string | undefined): SoapVersion | null {
  const ct = contentType?.toLowerCase() ?? '';
  if (ct.startsWith('application/soap+xml')) return '1.2';
  if (ct.startsWith('text/xml')) return '1.1';
  return null;
}

export const versionOfContentType = (contentType: string | undefined): SoapVersion => declaredVersionOf(contentType) ?? '1.1';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** XML bytes as text: invalid UTF-8 is refused, never replaced with U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new SoapFault(INPUT_ERROR_CODES.malformedXml, 'İstek geçerli UTF-8 değil / the request is not valid UTF-8', 'Client');
  }
}

/** The request body as text (see `decodeUtf8`). */
export const requestText = (request: FastifyRequest): string => decodeUtf8(request.body as Buffer);

/** Refuses an envelope whose SOAP version contradicts the Content-Type it came with. */
export function checkEnvelopeVersion(request: FastifyRequest, envelopeVersion: SoapVersion): void {
  const declared = declaredVersionOf(request.headers['content-type']);
  if (declared && declared !== envelopeVersion) {
    throw new SoapFault(INPUT_ERROR_CODES.malformedXml, `SOAP ${envelopeVersion} zarfı ${declared} içerik türüyle gönderilemez / a SOAP ${envelopeVersion} envelope cannot come as SOAP ${declared} content`, 'VersionMismatch');
  }
}

/** Fastify's own request errors (size, media type), told in our codes. */
function faultOfRequestError(err: FastifyError): SoapFault {
  if (err.statusCode === 413) return new SoapFault(INPUT_ERROR_CODES.bodyTooLarge, 'İstek çok büyük / Request body too large', 'Client', [], { cause: err });
  if (err.statusCode === 415) {
    return new SoapFault(INPUT_ERROR_CODES.unsupportedMedia, `Desteklenmeyen içerik türü / Content-Type must be one of ${XML_MEDIA_TYPES.join(', ')}`, 'Client', [], { cause: err });
  }
  if (err.statusCode !== undefined && err.statusCode < 500) {
    return new SoapFault(INPUT_ERROR_CODES.malformedXml, `Geçersiz istek / Bad request: ${err.message}`, 'Client', [], { cause: err });
  }
  return toSoapFault(err);
}

export type FaultSender = (request: FastifyRequest, reply: FastifyReply, version: SoapVersion, fault: SoapFault) => FastifyReply;

/**
 * Only XML reaches the endpoint's context, read as bytes (decoded strictly by `requestText`); JSON or form bodies are
 * refused as an unsupported media type, and Fastify's request errors leave as faults.
 */
export function useSoapTransport(app: FastifyInstance, bodyLimit: number, sendFault: FaultSender): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(XML_MEDIA_TYPES, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
  app.setErrorHandler((err: FastifyError, request, reply) => sendFault(request, reply, versionOfContentType(request.headers['content-type']), faultOfRequestError(err)));
}

/** The base URL clients reached the endpoint at: the WSDL's soap:address and the XSD location are built from it. */
export const baseUrl = (request: FastifyRequest): string => `${request.protocol}://${request.host}${request.routeOptions.url?.replace(/\/$/, '') ?? ''}`;
