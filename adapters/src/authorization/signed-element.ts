import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { INPUT_ERROR_CODES } from '@tareks/schemas';
import { SoapFault } from '../soap/soap-fault.js';

/**
 * The operation element of a SOAP request as a document of its own, with the namespace declarations it inherits from
 * the envelope and uses: what the applicant signed (enveloped signature, Reference URI="") before the envelope was
 * put around it. The envelope was already parsed by the safe parser (DTDs refused), so this parse sees no DTD.
 */
export function operationDocument(envelope: string, soapNs: string): string {
  const errors: string[] = [];
  const doc = new DOMParser({ errorHandler: (level: string, msg: string) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(envelope, 'text/xml');
  const body = doc.getElementsByTagNameNS(soapNs, 'Body').item(0);
  let el = body?.firstChild ?? null;
  while (el && el.nodeType !== el.ELEMENT_NODE) el = el.nextSibling;
  if (errors.length || !el) throw new SoapFault(INPUT_ERROR_CODES.malformedXml, 'İşlem öğesi okunamadı / The operation element cannot be read', 'Client');
  return new XMLSerializer().serializeToString(el);
}
