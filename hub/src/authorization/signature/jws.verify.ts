import { X509Certificate as NodeCertificate, constants, verify } from 'node:crypto';
import { X509Certificate } from './x509.js';
import { canonicalJson } from './canonical-json.js';
import { checkSignerCertificate } from './certificate.check.js';
import { signatureFailure, type SignatureVerdict } from './signature-verdict.js';
import type { TrustStore } from './trust-store.js';

/** Algorithms a qualified e-signature uses; anything else (`none`, HMAC) is refused. */
const ALGORITHMS = {
  RS256: { hash: 'sha256', options: {} },
  PS256: { hash: 'sha256', options: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } },
  ES256: { hash: 'sha256', options: { dsaEncoding: 'ieee-p1363' as const } },
} as const;

interface JwsHeader {
  alg?: string;
  x5c?: unknown;
  crit?: unknown;
}

const b64url = (s: string): Buffer => Buffer.from(s, 'base64url');

/**
 * Verifies a detached compact JWS (`<header>..<signature>`, RFC 7515 appendix F) over the RFC 8785 canonical JSON of
 * `payload`. The signer's certificate chain travels in the header's `x5c` (signer first); it is checked against the
 * trust store at `at`.
 */
export async function verifyDetachedJws(payload: unknown, jws: string, trust: TrustStore, at: Date): Promise<SignatureVerdict> {
  if (!jws) return signatureFailure('SIGNATURE_MISSING', 'no JWS');
  const parts = jws.split('.');
  if (parts.length !== 3 || parts[1] !== '' || !parts[0] || !parts[2]) return signatureFailure('SIGNATURE_MALFORMED', 'not a detached compact JWS');
  let header: JwsHeader;
  let chain: X509Certificate[];
  try {
    header = JSON.parse(b64url(parts[0]).toString('utf8')) as JwsHeader;
    if (!Array.isArray(header.x5c) || header.x5c.length === 0) return signatureFailure('SIGNATURE_MALFORMED', 'JWS header has no x5c');
    chain = header.x5c.map((c) => new X509Certificate(Buffer.from(String(c), 'base64')));
  } catch (err) {
    return signatureFailure('SIGNATURE_MALFORMED', `JWS header unreadable: ${(err as Error).message}`);
  }
  if (header.crit !== undefined) return signatureFailure('SIGNATURE_MALFORMED', 'JWS critical headers are not supported');
  const alg = ALGORITHMS[header.alg as keyof typeof ALGORITHMS];
  if (!alg) return signatureFailure('SIGNATURE_MALFORMED', `JWS algorithm not accepted: ${String(header.alg)}`);

  let content: string;
  try {
    content = canonicalJson(payload);
  } catch (err) {
    return signatureFailure('SIGNATURE_MALFORMED', (err as Error).message);
  }
  const signingInput = Buffer.from(`${parts[0]}.${Buffer.from(content, 'utf8').toString('base64url')}`, 'ascii');
  const signer = chain[0]!;
  const key = new NodeCertificate(Buffer.from(signer.rawData)).publicKey;
  let valid: boolean;
  try {
    valid = verify(alg.hash, signingInput, { key, ...alg.options }, b64url(parts[2]));
  } catch (err) {
    return signatureFailure('SIGNATURE_INVALID', `signature check failed: ${(err as Error).message}`);
  }
  if (!valid) return signatureFailure('SIGNATURE_INVALID', 'JWS signature does not verify over the canonical request');
  const verdict = await checkSignerCertificate(signer, chain.slice(1), trust, at, content);
  return verdict.ok ? { ...verdict, format: 'JWS' } : verdict;
}
