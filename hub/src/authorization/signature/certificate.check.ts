import { BasicConstraintsExtension, KeyUsageFlags, KeyUsagesExtension, type X509Certificate } from './x509.js';
import type { TrustStore } from './trust-store.js';
import { signatureFailure, type SignatureVerdict } from './signature-verdict.js';

/** Longest chain we follow from the signer to an anchor (qualified certificates sit under one or two CAs). */
const MAX_CHAIN = 5;

const within = (c: X509Certificate, at: Date): 'ok' | 'expired' | 'early' => (at < c.notBefore ? 'early' : at > c.notAfter ? 'expired' : 'ok');
const sameCert = (a: X509Certificate, b: X509Certificate): boolean => Buffer.from(a.rawData).equals(Buffer.from(b.rawData));

async function issuerOf(cert: X509Certificate, pool: readonly X509Certificate[]): Promise<X509Certificate | undefined> {
  for (const candidate of pool) {
    if (candidate.subject !== cert.issuer || sameCert(candidate, cert)) continue;
    if (await cert.verify({ publicKey: candidate, signatureOnly: true })) return candidate;
  }
  return undefined;
}

/** The TCKN a qualified certificate carries: the digits of its subject serialNumber (some CAs prefix them, e.g. "TCKN"). */
export function tcknOfCertificate(cert: X509Certificate): string | undefined {
  const serial = cert.subjectName.getField('2.5.4.5')[0];
  const digits = serial?.replace(/^(TCKN|TC|TR)[:\s-]*/i, '');
  return digits && /^[0-9]{11}$/.test(digits) ? digits : undefined;
}

/**
 * Checks the signing certificate at time `at`: the key may sign (digitalSignature or nonRepudiation), every
 * certificate of the chain is in its validity period, each link is signed by a CA, and the chain ends at a trust anchor.
 */
export async function checkSignerCertificate(
  signer: X509Certificate,
  intermediates: readonly X509Certificate[],
  trust: TrustStore,
  at: Date,
  signedContent: string,
): Promise<SignatureVerdict> {
  const usage = signer.getExtension(KeyUsagesExtension);
  if (usage && (usage.usages & (KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation)) === 0) {
    return signatureFailure('CERT_KEY_USAGE', 'signing certificate may not sign (key usage)');
  }
  const tckn = tcknOfCertificate(signer);
  if (!tckn) return signatureFailure('SIGNATURE_MALFORMED', 'signing certificate carries no TCKN in its subject serialNumber');

  const pool = [...intermediates, ...trust.anchors];
  let current = signer;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    const when = within(current, at);
    if (when === 'expired') return signatureFailure('CERT_EXPIRED', `${current.subject} expired ${current.notAfter.toISOString()}`);
    if (when === 'early') return signatureFailure('CERT_NOT_YET_VALID', `${current.subject} valid from ${current.notBefore.toISOString()}`);
    if (trust.anchors.some((a) => sameCert(a, current))) {
      return { ok: true, signerTckn: tckn, signerSubject: signer.subject, signedContent };
    }
    const issuer = await issuerOf(current, pool);
    if (!issuer) return signatureFailure('CERT_UNTRUSTED', `no trusted issuer for ${current.subject}`);
    if (!issuer.getExtension(BasicConstraintsExtension)?.ca) return signatureFailure('CERT_UNTRUSTED', `issuer ${issuer.subject} is not a CA`);
    current = issuer;
  }
  return signatureFailure('CERT_UNTRUSTED', 'certificate chain too long');
}
