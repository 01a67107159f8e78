import { INPUT_ERROR_CODES } from '@tareks/schemas';
import { attributeOf, type XmlElement } from './safe-xml.parser.js';
import { SoapFault, type FaultKind } from './soap-fault.js';
import { HubFault } from './soap-operations.js';
import { SOAP11_ENV, SOAP12_ENV, TNS, WSSE, envelopeNs, type SoapVersion } from './soap.constants.js';
import { escapeXml, jsonToXml } from './xml-mapping.js';

export interface SoapRequest {
  readonly version: SoapVersion;
  readonly headers: readonly XmlElement[];
  /** The one element inside soap:Body: the operation's wrapper element. */
  readonly operation: XmlElement;
}

const malformed = (message: string): SoapFault => new SoapFault(INPUT_ERROR_CODES.malformedXml, message, 'Client');

const childrenNamed = (el: XmlElement, ns: string, local: string): XmlElement[] =>
  el.children.filter((c) => c.ns === ns && c.local === local);

/** Headers we act on; any other header marked mustUnderstand is refused as the SOAP specification asks. */
const UNDERSTOOD_HEADERS = new Set([`${WSSE} Security`]);

function checkMustUnderstand(version: SoapVersion, headers: readonly XmlElement[]): void {
  for (const h of headers) {
    const mu = attributeOf(h, envelopeNs(version), 'mustUnderstand')?.trim();
    if ((mu === '1' || mu === 'true') && !UNDERSTOOD_HEADERS.has(`${h.ns} ${h.local}`)) {
      throw new SoapFault(INPUT_ERROR_CODES.unknownField, `Anlaşılmayan başlık / Header not understood: {${h.ns}}${h.local}`, 'MustUnderstand', [
        { code: INPUT_ERROR_CODES.unknownField, pointer: `Envelope/Header/${h.local}`, message: 'mustUnderstand header not understood' },
      ]);
    }
  }
}

/** Checks the envelope (SOAP 1.1 or 1.2) and returns its headers and the single body element. */
export function readEnvelope(root: XmlElement): SoapRequest {
  if (root.local !== 'Envelope') throw malformed('SOAP Envelope bekleniyor / Root element must be a SOAP Envelope');
  if (root.ns !== SOAP11_ENV && root.ns !== SOAP12_ENV) {
    throw new SoapFault(INPUT_ERROR_CODES.malformedXml, `Desteklenmeyen SOAP sürümü / Unsupported envelope namespace '${root.ns}'`, 'VersionMismatch');
  }
  const version: SoapVersion = root.ns === SOAP11_ENV ? '1.1' : '1.2';
  const bodies = childrenNamed(root, root.ns, 'Body');
  if (bodies.length !== 1) throw malformed('Tek bir SOAP Body bekleniyor / Exactly one SOAP Body is required');
  const headers = childrenNamed(root, root.ns, 'Header').flatMap((h) => h.children);
  checkMustUnderstand(version, headers);
  const [operation, ...extra] = bodies[0]!.children;
  if (!operation || extra.length) throw malformed('Body içinde tek bir işlem öğesi bekleniyor / The Body must hold exactly one operation element');
  return { version, headers, operation };
}

const open = (version: SoapVersion): string =>
  `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${envelopeNs(version)}" xmlns:tns="${TNS}"><soap:Body>`;
const CLOSE = '</soap:Body></soap:Envelope>';

export const writeEnvelope = (version: SoapVersion, bodyXml: string): string => open(version) + bodyXml + CLOSE;

const SOAP12_CODES: Readonly<Record<FaultKind, string>> = {
  Client: 'Sender',
  Server: 'Receiver',
  'Server.Busy': 'Receiver',
  MustUnderstand: 'MustUnderstand',
  VersionMismatch: 'VersionMismatch',
};

/** A Fault envelope: SOAP code by the side at fault, our code and element paths in `tns:HubFault`. */
export function writeFault(version: SoapVersion, fault: SoapFault): string {
  const detail = jsonToXml(HubFault, 'HubFault', {
    code: fault.code,
    message: fault.message,
    details: fault.details.length ? fault.details : undefined,
  });
  const reason = escapeXml(fault.message);
  const body =
    version === '1.1'
      ? `<soap:Fault><faultcode>soap:${fault.kind}</faultcode><faultstring xml:lang="tr">${reason}</faultstring><detail>${detail}</detail></soap:Fault>`
      : `<soap:Fault><soap:Code><soap:Value>soap:${SOAP12_CODES[fault.kind]}</soap:Value><soap:Subcode><soap:Value>tns:${fault.code}</soap:Value></soap:Subcode></soap:Code>` +
        `<soap:Reason><soap:Text xml:lang="tr">${reason}</soap:Text></soap:Reason><soap:Detail>${detail}</soap:Detail></soap:Fault>`;
  return writeEnvelope(version, body);
}

/** HTTP status of a fault: WS-I BP R1126 fixes 500 for SOAP 1.1; SOAP 1.2 tells sender (400) from receiver faults. */
export function faultHttpStatus(version: SoapVersion, fault: SoapFault): number {
  if (version === '1.1') return 500;
  if (fault.kind === 'Server.Busy') return 503;
  // SOAP 1.2 HTTP binding: only Sender faults are the client's 400; every other fault is a 500.
  return SOAP12_CODES[fault.kind] === 'Sender' ? 400 : 500;
}
