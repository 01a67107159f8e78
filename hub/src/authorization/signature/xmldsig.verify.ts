import { DOMParser } from '@xmldom/xmldom';
import { X509Certificate } from './x509.js';
import { SignedXml } from 'xml-crypto';
import { checkSignerCertificate } from './certificate.check.js';
import { signatureFailure, type SignatureVerdict } from './signature-verdict.js';
import type { TrustStore } from './trust-store.js';

const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/** The XMLDSig elements of that name under `parent`, in document order. */
function dsig(parent: Document | Element, name: string): Element[] {
  const list = parent.getElementsByTagNameNS(DSIG_NS, name);
  return Array.from({ length: list.length }, (_, i) => list.item(i)!);
}

/**
 * Verifies an enveloped XMLDSig signature (the request element carries its own `ds:Signature`, reference URI ""
 * with the enveloped-signature transform). The signer's certificate is the first `X509Certificate` of `KeyInfo`,
 * further ones are intermediates. Returns the signed content only: callers must read the request from it.
 */
export async function verifyEnvelopedXml(xml: string, trust: TrustStore, at: Date): Promise<SignatureVerdict> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return signatureFailure('SIGNATURE_MALFORMED', 'DTDs and entities are not accepted');
  const parseErrors: string[] = [];
  const doc = new DOMParser({ errorHandler: (level: string, msg: string) => void (level !== 'warning' && parseErrors.push(msg)) }).parseFromString(xml, 'text/xml');
  if (parseErrors.length > 0 || !doc.documentElement) return signatureFailure('SIGNATURE_MALFORMED', `not well-formed XML: ${parseErrors.join('; ')}`);

  const signatures = dsig(doc, 'Signature');
  if (signatures.length === 0) return signatureFailure('SIGNATURE_MISSING', 'no ds:Signature element');
  if (signatures.length > 1) return signatureFailure('SIGNATURE_MALFORMED', 'more than one ds:Signature element');
  const signature = signatures[0]!;
  const references = dsig(signature, 'Reference');
  const transforms = dsig(signature, 'Transform').map((t) => t.getAttribute('Algorithm'));
  // Only a whole-document enveloped signature proves that everything we read was signed.
  if (references.length !== 1 || references[0]!.getAttribute('URI') !== '' || !transforms.includes(ENVELOPED)) {
    return signatureFailure('SIGNATURE_MALFORMED', 'expected one enveloped reference to the whole document (URI="")');
  }

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
  if (signed.length !== 1) return signatureFailure('SIGNATURE_MALFORMED', 'expected exactly one signed reference');
  return checkSignerCertificate(chain[0]!, chain.slice(1), trust, at, signed[0]!);
}
