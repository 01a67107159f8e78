import type { AuthorizationReasonCode } from '@tareks/schemas';

export type SignatureFailureCode = Extract<
  AuthorizationReasonCode,
  'SIGNATURE_MISSING' | 'SIGNATURE_MALFORMED' | 'SIGNATURE_INVALID' | 'CERT_UNTRUSTED' | 'CERT_EXPIRED' | 'CERT_NOT_YET_VALID' | 'CERT_KEY_USAGE'
>;

/** What a signature check found: who signed (TCKN from the certificate's subject serialNumber) and what exactly. */
export type SignatureVerdict =
  | {
      readonly ok: true;
      /** Digits of the subject serialNumber (OID 2.5.4.5) of the signing certificate. */
      readonly signerTckn: string;
      readonly signerSubject: string;
      /** The signed content only (canonical XML of the signed reference, or the canonical JSON): parse requests from this. */
      readonly signedContent: string;
      readonly format?: 'XMLDSig' | 'XAdES-BES' | 'JWS';
      /** XAdES SigningTime as the signer claimed it (not a trusted time). */
      readonly signingTime?: string;
    }
  | { readonly ok: false; readonly code: SignatureFailureCode; readonly detail: string };

export const signatureFailure = (code: SignatureFailureCode, detail: string): SignatureVerdict => ({ ok: false, code, detail });
