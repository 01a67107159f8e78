import { createHash } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { elementsNS } from './dom.js';
import type { X509Certificate } from './x509.js';

const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

export const XADES_NS = 'http://uri.etsi.org/01903/v1.3.2#';
export const XADES_SIGNED_PROPERTIES = 'http://uri.etsi.org/01903#SignedProperties';

const DIGESTS: Record<string, string> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

export type XadesCheck = { readonly ok: true; readonly signingTime?: string } | { readonly ok: false; readonly detail: string };

/**
 * XAdES-BES: the signed `SignedProperties` must bind the signing certificate (SigningCertificate or
 * SigningCertificateV2, CertDigest over the certificate's DER), so the certificate cannot be swapped. Reads only the
 * canonical signed content of that reference.
 */
export function checkXadesSignedProperties(signedProperties: string, signer: X509Certificate): XadesCheck {
  const doc = new DOMParser().parseFromString(signedProperties, 'text/xml');
  const certs = elementsNS(doc, XADES_NS, 'CertDigest');
  if (certs.length === 0) return { ok: false, detail: 'SignedProperties has no SigningCertificate/CertDigest' };
  const der = Buffer.from(signer.rawData);
  const bound = certs.some((certDigest) => {
    const method = elementsNS(certDigest, DSIG_NS, 'DigestMethod')[0]?.getAttribute('Algorithm') ?? '';
    const value = elementsNS(certDigest, DSIG_NS, 'DigestValue')[0]?.textContent?.trim() ?? '';
    const hash = DIGESTS[method];
    return hash !== undefined && createHash(hash).update(der).digest('base64') === value;
  });
  if (!bound) return { ok: false, detail: 'SigningCertificate digest does not match the signing certificate' };
  const signingTime = elementsNS(doc, XADES_NS, 'SigningTime')[0]?.textContent?.trim();
  return signingTime ? { ok: true, signingTime } : { ok: true };
}
