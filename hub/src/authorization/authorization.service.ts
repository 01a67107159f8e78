import type { AuthorizationRecord, AuthorizationRequest } from '@tareks/schemas';
import { decideAuthorization, type DecisionOptions } from './authorization.decision.js';
import { gatherAuthorizationFacts, type FactsDeps } from './authorization.facts.js';
import type { SignatureVerdict } from './signature/signature-verdict.js';

export interface AuthorizeDeps extends FactsDeps, DecisionOptions {
  /** Clock of the decision and of the certificate checks. Default `new Date()`. */
  readonly now?: Date;
}

/**
 * Decides a request whose signature was already checked (`verifyEnvelopedXml` / `verifyDetachedJws`, with the request
 * read from the verdict's signed content). Registries are asked only when the signature holds.
 */
export async function authorizeRequest(
  request: AuthorizationRequest,
  signature: SignatureVerdict,
  method: AuthorizationRecord['signature']['method'],
  deps: AuthorizeDeps,
): Promise<AuthorizationRecord> {
  const now = deps.now ?? new Date();
  // A refused signature decides alone: the registries are not asked about an unauthenticated person.
  const signed = signature.ok && signature.signerTckn === request.applicant.tckn;
  const facts = signed ? await gatherAuthorizationFacts(request, deps) : { identity: { status: 'unavailable', code: 'NOT_ASKED' } as const };
  const result = decideAuthorization(request, signature, facts, now, deps);
  return {
    request,
    result,
    signature: signature.ok ? { method, signerTckn: signature.signerTckn, signerSubject: signature.signerSubject } : { method },
  };
}

/** Whether `tckn` holds an APPROVED authorization for the trader, valid on `on` (YYYY-MM-DD): the declaration-time check. */
export function holdsAuthorization(records: readonly AuthorizationRecord[], trader: { taxId?: string; mersisNo?: string; esbisNo?: string }, tckn: string, on: string): boolean {
  return records.some(
    (r) =>
      r.result.status === 'APPROVED' &&
      r.request.applicant.tckn === tckn &&
      r.request.validUntil >= on &&
      ((trader.taxId !== undefined && r.request.trader.taxId === trader.taxId) ||
        (trader.mersisNo !== undefined && r.request.trader.mersisNo === trader.mersisNo) ||
        (trader.esbisNo !== undefined && r.request.trader.esbisNo === trader.esbisNo)),
  );
}
