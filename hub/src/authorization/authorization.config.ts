import { readFile } from 'node:fs/promises';
import type { ConfigSpec } from '@tareks/connectors';
import { loadTrustStore, TrustStoreError, type TrustStore } from './signature/trust-store.js';

/** Settings of digital authorization (read with `readConfig` from @tareks/connectors). */
export const authorizationConfigSpec = {
  trustStore: {
    env: 'AUTHZ_TRUST_STORE',
    description: 'Path to a PEM bundle of the CA certificates (ESHS roots and issuing CAs) trusted for e-signatures on authorization requests; empty: no signature is trusted, every request is REJECTED with CERT_UNTRUSTED',
    default: '',
  },
  requireXades: {
    env: 'AUTHZ_REQUIRE_XADES',
    description: 'Refuse plain XMLDSig on SOAP: XAdES-BES signed properties must bind the signing certificate',
    default: 'false',
    values: ['true', 'false'],
  },
  maxValidityDays: {
    env: 'AUTHZ_MAX_VALIDITY_DAYS',
    description: 'Longest validity an authorization may ask for, in days',
    default: 1096,
  },
} as const satisfies ConfigSpec;

/** The trust store a path names (`AUTHZ_TRUST_STORE`); an empty path trusts nobody. */
export async function loadAuthorizationTrustStore(path: string): Promise<TrustStore> {
  if (!path) return { anchors: [] };
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (err) {
    throw new TrustStoreError(`cannot read trust store ${path}`, { cause: err });
  }
  return loadTrustStore(pem);
}
