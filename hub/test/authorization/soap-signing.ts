import type { AuthorizationRequest } from '@tareks/schemas';
import type { Issued } from './pki.js';
import { signXades, signXml } from './signing.js';

const AUTHZ_NS = 'urn:tareks:hub:authorizations:v1';
const SOAP_NS = { '1.1': 'http://schemas.xmlsoap.org/soap/envelope/', '1.2': 'http://www.w3.org/2003/05/soap-envelope' } as const;

/** A SubmitAuthorization element written by hand (as a customs broker's software would), independent of our mapping. */
export function submitElement(r: AuthorizationRequest): string {
  const t = r.trader;
  const trader = [t.taxId && `<a:taxId>${t.taxId}</a:taxId>`, t.mersisNo && `<a:mersisNo>${t.mersisNo}</a:mersisNo>`, t.esbisNo && `<a:esbisNo>${t.esbisNo}</a:esbisNo>`].filter(Boolean).join('');
  return (
    `<a:SubmitAuthorization xmlns:a="${AUTHZ_NS}"><a:request><a:requestId>${r.requestId}</a:requestId>` +
    `<a:applicant><a:tckn>${r.applicant.tckn}</a:tckn><a:firstName>${r.applicant.firstName}</a:firstName><a:lastName>${r.applicant.lastName}</a:lastName><a:birthYear>${r.applicant.birthYear}</a:birthYear></a:applicant>` +
    `<a:trader>${trader}</a:trader><a:role>${r.role}</a:role><a:validUntil>${r.validUntil}</a:validUntil></a:request></a:SubmitAuthorization>`
  );
}

/** Signs the request element on its own (enveloped, URI=""), then puts it into a SOAP envelope unchanged. */
export function signedEnvelope(
  r: AuthorizationRequest,
  signer: Issued | null,
  chain: Issued[],
  opts: { version?: '1.1' | '1.2'; xades?: boolean; tamper?: (signedElement: string) => string } = {},
): string {
  const element = submitElement(r);
  const signed = signer ? (opts.xades ? signXades(element, signer, chain) : signXml(element, signer, chain)) : element;
  const body = opts.tamper ? opts.tamper(signed) : signed;
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_NS[opts.version ?? '1.1']}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

export const soapContentType = (version: '1.1' | '1.2' = '1.1'): string => (version === '1.1' ? 'text/xml; charset=utf-8' : 'application/soap+xml; charset=utf-8');
