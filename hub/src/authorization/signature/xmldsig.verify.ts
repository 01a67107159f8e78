import { DOMParser } from '@xmldom/xmldom';
import { X509Certificate } from './x509.js';
import { SignedXml } from 'xml-crypto';
import { checkSignerCertificate } from './certificate.check.js';
import { elementsNS } from './dom.js';
import { signatureFailure, type SignatureVerdict } from './signature-verdict.js';
import type { TrustStore } from './trust-store.js';
import { XADES_SIGNED_PROPERTIES, checkXadesSignedProperties } from './xades.check.js';

const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

const dsig = (parent: Document | Element, name: string): Element[] => elementsNS(parent, DSIG_NS, name);

export interface XmlSignatureOptions {
  /** Refuse a plain XMLDSig signature: XAdES-BES SignedProperties must bind the signing certificate. Default false. */
  readonly requireXades?: boolean;
}

/**
 * Verifies an enveloped XMLDSig signature (the request element carries its own `ds:Signature`, reference URI ""
 * with the enveloped-signature transform), optionally XAdES-BES (a second reference to SignedProperties, whose
 * SigningCertificate digest must match the signer). The signer's certificate is the first `X509Certificate` of `KeyInfo`,
 * further ones are intermediates. Returns the signed content only: callers must read the request from it.
 */
export async function verifyEnvelopedXml(xml: string, trust: TrustStore, at: Date, options: XmlSignatureOptions = {}): Promise<SignatureVerdict> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return signatureFailure('SIGNATURE_MALFORMED', 'DTDs and entities are not accepted');
  const parseErrors: string[] = [];
  const doc = new DOMParser({ errorHandler: (level: string, msg: string) => void (level !== 'warning' && parseErrors.push(msg)) }).parseFromString(xml, 'text/xml');
  if (parseErrors.length > 0 || !doc.documentElement) return signatureFailure('SIGNATURE_MALFORMED', `not well-formed XML: ${parseErrors.join('; ')}`);

  const signatures = dsig(doc, 'Signature');
  if (signatures.length === 0) return signatureFailure('SIGNATURE_MISSING', 'no ds:Signature element');
  if (signatures.length > 1) return signatureFailure('SIGNATURE_MALFORMED', 'more than one ds:Signature element');
  const signature = signatures[0]!;
  const references = dsig(signature, 'Reference');
  const documentRefs = references.filter((r) => r.getAttribute('URI') === '' && dsig(r, 'Transform').some((t) => t.getAttribute('Algorithm') === ENVELOPED));
  const propertiesRefs = references.filter((r) => r.getAttribute('Type') === XADES_SIGNED_PROPERTIES && (r.getAttribute('URI') ?? '').startsWith('#'));
  // Only a whole-document enveloped signature proves that everything we read was signed; XAdES may add its properties.
  if (documentRefs.length !== 1 || propertiesRefs.length > 1 || references.length !== documentRefs.length + propertiesRefs.length) {
    return signatureFailure('SIGNATURE_MALFORMED', 'expected one enveloped reference to the whole document (URI="") and at most one XAdES SignedProperties');
  }
  if (options.requireXades && propertiesRefs.length === 0) return signatureFailure('SIGNATURE_MALFORMED', 'XAdES-BES SignedProperties required');

  let chain: X509Certificate[];
  try {
    chain = dsig(signature, 'X509Certificate').map((c) => new X509Certificate(Buffer.from((c.textContent ?? '').replace(/\s+/g, ''), 'base64')));
  } catch (err) {
    return signatureFailure('SIGNATURE_MALFORMED', `KeyInfo certificate unreadable: ${(err as Error).message}`);
  }
  if (chain.length === 0) return signatureFailure('SIGNATURE_MALFORMED', 'KeyInfo carries no X509Certificate');

  const verifier = new SignedXml({ publicCert: chain[0]!.toString('pem'), getCertFromKeyInfo: () => null });
  let signed: string[];
  try {
    verifier.loadSignature(signature);
    if (!verifier.checkSignature(xml)) return signatureFailure('SIGNATURE_INVALID', 'XML signature does not verify');
    signed = verifier.getSignedReferences();
  } catch (err) {
    return signatureFailure('SIGNATURE_INVALID', `XML signature does not verify: ${(err as Error).message}`);
  }
  if (signed.length !== references.length) return signatureFailure('SIGNATURE_MALFORMED', 'not every reference was signed');
  const documentContent = signed[references.indexOf(documentRefs[0]!)]!;
  let signingTime: string | undefined;
  if (propertiesRefs.length === 1) {
    const xades = checkXadesSignedProperties(signed[references.indexOf(propertiesRefs[0]!)]!, chain[0]!);
    if (!xades.ok) return signatureFailure('SIGNATURE_INVALID', xades.detail);
    signingTime = xades.signingTime;
  }
  const verdict = await checkSignerCertificate(chain[0]!, chain.slice(1), trust, at, documentContent);
  return verdict.ok ? { ...verdict, format: propertiesRefs.length === 1 ? 'XAdES-BES' : 'XMLDSig', ...(signingTime ? { signingTime } : {}) } : verdict;
}
