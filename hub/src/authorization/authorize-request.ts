import type { AuthorizationRecord, AuthorizationRequest } from '@tareks/schemas';
import { decideAuthorization, type DecisionOptions } from './authorization.decision.js';
import { gatherAuthorizationFacts, type FactsDeps } from './authorization.facts.js';
import { confirmedTraderKeys, type TraderKey } from './authorization.grants.js';
import type { SignatureVerdict } from './signature/signature-verdict.js';

export interface AuthorizeDeps extends FactsDeps, DecisionOptions {
  /** Clock of the decision and of the certificate checks. Default `new Date()`. */
  readonly now?: Date;
}

export interface AuthorizedRequest {
  /** What to store (NATS KV, key `requestId`). */
  readonly record: AuthorizationRecord;
  /** The trader's identifiers as the registries confirmed them: where an approval is indexed for declarations. */
  readonly traderKeys: readonly TraderKey[];
}

/** Whether the verdict proves that the applicant himself signed: only such a request is an authenticated one. */
export const signedByApplicant = (request: AuthorizationRequest, signature: SignatureVerdict): boolean =>
  signature.ok && signature.signerTckn === request.applicant.tckn;

/**
 * Decides a request whose signature was already checked (`verifyEnvelopedXml` / `verifyDetachedJws`, with the request
 * read from the verdict's signed content). Registries are asked only when the signature holds.
 */
export async function authorizeRequest(
  request: AuthorizationRequest,
  signature: SignatureVerdict,
  method: AuthorizationRecord['signature']['method'],
  deps: AuthorizeDeps,
): Promise<AuthorizedRequest> {
  const now = deps.now ?? new Date();
  // A refused signature decides alone: the registries are not asked about an unauthenticated person.
  const facts = signedByApplicant(request, signature)
    ? await gatherAuthorizationFacts(request, deps)
    : { identity: { status: 'unavailable', code: 'NOT_ASKED' } as const };
  const result = decideAuthorization(request, signature, facts, now, deps);
  return {
    record: {
      request,
      result,
      signature: signature.ok ? { method, signerTckn: signature.signerTckn, signerSubject: signature.signerSubject } : { method },
    },
    traderKeys: confirmedTraderKeys(facts),
  };
}
