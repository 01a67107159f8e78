import type { AuthorizationRecord, AuthorizationRequest } from '@tareks/schemas';

export interface AuthorizationContext {
  /** The API client that relayed the applicant's signed request. */
  readonly clientId: string;
  readonly protocol: 'REST' | 'SOAP';
}

/**
 * A request as it arrived, with its e-signature. The hub verifies the signature; the edge only reads and validates.
 * - JWS: the JSON request and a detached compact JWS over its RFC 8785 canonical form.
 * - XMLDSIG: the signed `SubmitAuthorization` element as a document of its own (enveloped signature inside),
 *   the request as the unverified document claims it (used only to record a refusal), and a reader that maps the
 *   verified signed content to the request.
 */
export type SignedAuthorization =
  | { readonly method: 'JWS'; readonly request: AuthorizationRequest; readonly jws: string }
  | {
      readonly method: 'XMLDSIG';
      readonly claimed: AuthorizationRequest;
      readonly document: string;
      readonly readSigned: (signedContent: string) => AuthorizationRequest;
    };

export interface AuthorizationOutcome {
  readonly record: AuthorizationRecord;
  /** True when the same signed request was decided before: the stored decision is returned, nothing is decided again. */
  readonly duplicate: boolean;
}

/**
 * What the authorization edges (REST, SOAP) need from the hub: decide a signed request (idempotent on requestId) and
 * read a decision back. Implemented in the hub; errors are `IngestError`s with stable codes.
 */
export interface AuthorizationService {
  submit(signed: SignedAuthorization, ctx: AuthorizationContext): Promise<AuthorizationOutcome>;
  /** The decision of a request, or null when unknown or lodged by another client. */
  get(requestId: string, clientId: string): Promise<AuthorizationRecord | null>;
}
