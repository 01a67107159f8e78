import { BasicConstraintsExtension, X509Certificate } from './x509.js';

/** The certificate authorities whose qualified certificates we accept (ESHS roots and their issuing CAs). */
export interface TrustStore {
  readonly anchors: readonly X509Certificate[];
}

export class TrustStoreError extends Error {
  override readonly name = 'TrustStoreError';
  readonly code = 'HUB_ERR_TRUST_STORE_INVALID';
}

/** Builds a trust store from PEM text (one or many certificates per string); every anchor must be a CA. */
export function loadTrustStore(pems: string | readonly string[]): TrustStore {
  const blocks = (Array.isArray(pems) ? pems : [pems]).flatMap((p: string) => p.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []);
  if (blocks.length === 0) throw new TrustStoreError('trust store holds no certificate');
  const anchors = blocks.map((b) => new X509Certificate(b));
  for (const a of anchors) {
    if (!a.getExtension(BasicConstraintsExtension)?.ca) throw new TrustStoreError(`not a CA certificate: ${a.subject}`);
  }
  return { anchors };
}
