import { authorizationReason as reason, type AuthorizationReasonCode, type AuthorizationRequest, type AuthorizationResult } from '@tareks/schemas';
import type { AuthorizationFacts } from './authorization.facts.js';
import type { SignatureVerdict } from './signature/signature-verdict.js';

export interface DecisionOptions {
  /** Longest validity an authorization may ask for, in days. Default 1 096 (three years). */
  readonly maxValidityDays?: number;
}

const DAY_MS = 86_400_000;

/**
 * The authorization decision, from a verified signature and the registries' answers:
 * any refusal → REJECTED (all refusals listed); otherwise anything that needs a person → MANUAL_REVIEW; otherwise APPROVED.
 * A failed signature or a signer who is not the applicant refuses before the registries are considered.
 */
export function decideAuthorization(
  req: AuthorizationRequest,
  signature: SignatureVerdict,
  facts: AuthorizationFacts,
  now: Date,
  opts: DecisionOptions = {},
): AuthorizationResult {
  const decided = (status: AuthorizationResult['status'], codes: AuthorizationReasonCode[]): AuthorizationResult => ({
    requestId: req.requestId,
    status,
    reasons: codes.map(reason),
    decidedAt: now.toISOString(),
  });
  if (!signature.ok) return decided('REJECTED', [signature.code]);
  if (signature.signerTckn !== req.applicant.tckn) return decided('REJECTED', ['SIGNER_TCKN_MISMATCH']);
  const today = now.toISOString().slice(0, 10);
  const latest = new Date(now.getTime() + (opts.maxValidityDays ?? 1_096) * DAY_MS).toISOString().slice(0, 10);
  if (req.validUntil < today || req.validUntil > latest) return decided('REJECTED', ['VALIDITY_INVALID']);

  const refuse: AuthorizationReasonCode[] = [];
  const review: AuthorizationReasonCode[] = [];
  const grant: AuthorizationReasonCode[] = [];

  if (facts.identity.status === 'unavailable') review.push('REGISTRY_UNAVAILABLE');
  else if (!facts.identity.result.verified) refuse.push('IDENTITY_MISMATCH');

  const { company, tradesman } = facts;
  if (company?.status === 'unavailable') review.push('REGISTRY_UNAVAILABLE');
  else if (company && (!company.result.found || !company.result.company)) refuse.push('TRADER_NOT_REGISTERED');
  else if (company?.result.company) {
    const c = company.result.company;
    if (c.status === 'CLOSED') refuse.push('TRADER_CLOSED');
    if (c.status === 'SUSPENDED') refuse.push('TRADER_SUSPENDED');
    if (c.status === 'IN_LIQUIDATION') review.push('TRADER_IN_LIQUIDATION');
    const rep = c.representatives.find((r) => r.tckn === req.applicant.tckn && r.validUntil >= today);
    // Someone not listed may still act for the firm as an employee or customs broker, if the firm says so: a person decides.
    if (!rep && req.role === 'COMPANY_OFFICER') refuse.push('NOT_A_REPRESENTATIVE');
    else if (!rep) review.push('DELEGATION_NEEDS_REVIEW');
    else if (rep.validUntil < req.validUntil) refuse.push('AUTHORITY_ENDS_BEFORE_VALIDITY');
    else if (rep.authority !== 'SOLE') review.push('AUTHORITY_NOT_SOLE');
    else grant.push('AUTHORISED_REPRESENTATIVE');
  }

  if (tradesman?.status === 'unavailable') review.push('REGISTRY_UNAVAILABLE');
  else if (tradesman && (!tradesman.result.found || !tradesman.result.tradesman)) refuse.push('TRADESMAN_NOT_FOUND');
  else if (tradesman?.result.tradesman) {
    const t = tradesman.result.tradesman;
    if (t.status === 'CLOSED') refuse.push('TRADER_CLOSED');
    if (t.tckn === req.applicant.tckn) grant.push('TRADESMAN_HIMSELF');
    else review.push('DELEGATION_NEEDS_REVIEW');
  }

  if (refuse.length > 0) return decided('REJECTED', refuse);
  if (review.length > 0 || grant.length === 0) return decided('MANUAL_REVIEW', review.length > 0 ? [...new Set(review)] : ['DELEGATION_NEEDS_REVIEW']);
  return decided('APPROVED', grant);
}
