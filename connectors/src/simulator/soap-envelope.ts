import { parseStringPromise, processors } from 'xml2js';
import { xmlEscape } from '../shared/xml.js';

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
export type SoapVersion = '1.1' | '1.2';

export class SoapRequestError extends Error {
  override readonly name = 'SoapRequestError';
}

/** The SOAP version of a request, from its Content-Type (1.2: application/soap+xml). */
export const soapVersionOf = (contentType: string | undefined): SoapVersion =>
  (contentType ?? '').includes('application/soap+xml') ? '1.2' : '1.1';

/** The SOAP action of a request: the SOAPAction header (1.1) or the `action` parameter of the Content-Type (1.2). */
export function soapActionOf(version: SoapVersion, headers: Record<string, string | string[] | undefined>): string | undefined {
  if (version === '1.1') return String(headers['soapaction'] ?? '').replace(/^"|"$/g, '') || undefined;
  return /action="?([^";]+)"?/.exec(String(headers['content-type'] ?? ''))?.[1];
}

/**
 * Parses a request envelope and returns the first element of its Body (namespace prefixes stripped).
 * DTDs and entity declarations are refused before parsing.
 */
export async function parseSoapBody(xml: string): Promise<{ operation: string; args: Record<string, unknown> }> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new SoapRequestError('DTDs and entities are not accepted');
  let doc: Record<string, unknown>;
  try {
    doc = (await parseStringPromise(xml, { explicitArray: false, tagNameProcessors: [processors.stripPrefix], ignoreAttrs: true })) as Record<string, unknown>;
  } catch (err) {
    throw new SoapRequestError(`not well-formed XML: ${(err as Error).message}`);
  }
  const body = (doc['Envelope'] as Record<string, unknown> | undefined)?.['Body'];
  if (!body || typeof body !== 'object') throw new SoapRequestError('no SOAP Envelope/Body');
  const [operation] = Object.keys(body);
  if (!operation) throw new SoapRequestError('empty SOAP Body');
  const args = (body as Record<string, unknown>)[operation];
  return { operation, args: typeof args === 'object' && args !== null ? (args as Record<string, unknown>) : {} };
}

export const envelope = (version: SoapVersion, bodyXml: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${version === '1.1' ? SOAP11_NS : SOAP12_NS}" ` +
  `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>${bodyXml}</soap:Body></soap:Envelope>`;

/** A SOAP Fault: `client` faults are the caller's (Client / Sender), the rest the server's (Server / Receiver). */
export function faultEnvelope(version: SoapVersion, client: boolean, message: string): string {
  const text = xmlEscape(message);
  if (version === '1.1') {
    return envelope('1.1', `<soap:Fault><faultcode>soap:${client ? 'Client' : 'Server'}</faultcode><faultstring>${text}</faultstring></soap:Fault>`);
  }
  return envelope(
    '1.2',
    `<soap:Fault><soap:Code><soap:Value>soap:${client ? 'Sender' : 'Receiver'}</soap:Value></soap:Code>` +
      `<soap:Reason><soap:Text xml:lang="en">${text}</soap:Text></soap:Reason></soap:Fault>`,
  );
}

export const contentTypeOf = (version: SoapVersion): string =>
  version === '1.1' ? 'text/xml; charset=utf-8' : 'application/soap+xml; charset=utf-8';
