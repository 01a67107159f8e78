import { createHash, sign } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { canonicalJson } from '../../src/authorization/signature/canonical-json.js';
import type { Issued } from './pki.js';

const der64 = (i: Issued): string => Buffer.from(i.cert.rawData).toString('base64');

/** Detached RS256 JWS over the canonical JSON of `payload`, chain in x5c (signer first). */
export function signJws(payload: unknown, signer: Issued, chain: Issued[] = []): string {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', x5c: [signer, ...chain].map(der64) })).toString('base64url');
  const input = `${header}.${Buffer.from(canonicalJson(payload)).toString('base64url')}`;
  return `${header}..${sign('sha256', Buffer.from(input), signer.keyPem).toString('base64url')}`;
}

/** Enveloped XMLDSig (exclusive c14n, RSA-SHA256) over the whole document, signer and chain in KeyInfo. */
export function signXml(xml: string, signer: Issued, chain: Issued[] = []): string {
  const sig = new SignedXml({
    privateKey: signer.keyPem,
    publicCert: [signer, ...chain].map((i) => i.pem).join('\n'),
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  });
  sig.addReference({
    xpath: '/*',
    isEmptyUri: true,
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  sig.computeSignature(xml, { location: { reference: '/*', action: 'append' } });
  return sig.getSignedXml();
}

const XADES_NS = 'http://uri.etsi.org/01903/v1.3.2#';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

/** XAdES-BES: the enveloped signature plus signed properties binding the signing certificate (`certFor` may differ, to test that). */
export function signXades(xml: string, signer: Issued, chain: Issued[] = [], certFor: Issued = signer): string {
  const digest = createHash('sha256').update(Buffer.from(certFor.cert.rawData)).digest('base64');
  const props =
    `<xades:QualifyingProperties xmlns:xades="${XADES_NS}"><xades:SignedProperties Id="SignedProperties-1"><xades:SignedSignatureProperties>` +
    `<xades:SigningTime>2026-01-02T03:04:05Z</xades:SigningTime><xades:SigningCertificate><xades:Cert><xades:CertDigest>` +
    `<ds:DigestMethod xmlns:ds="${DS}" Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue xmlns:ds="${DS}">${digest}</ds:DigestValue>` +
    `</xades:CertDigest></xades:Cert></xades:SigningCertificate></xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties>`;
  const sig = new SignedXml({
    privateKey: signer.keyPem,
    publicCert: [signer, ...chain].map((i) => i.pem).join('\n'),
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    objects: [{ content: props }],
  });
  sig.addReference({
    xpath: '/*',
    isEmptyUri: true,
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  sig.addReference({
    xpath: "//*[@Id='SignedProperties-1']",
    type: 'http://uri.etsi.org/01903#SignedProperties',
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  sig.computeSignature(xml, { location: { reference: '/*', action: 'append' } });
  return sig.getSignedXml();
}
