import type { JetStreamClient } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import type { Logger } from 'pino';
import { authorizationNotFound, notInReview, requestConflict, type AuthorizationContext, type AuthorizationOutcome, type AuthorizationService, type SignedAuthorization } from '@tareks/adapters';
import { CLIENT_ID_HEADER, authorizationReason, type AuditActor, type AuthorizationRecord, type AuthorizationRequest, type Names } from '@tareks/schemas';
import type { AuthorizationAuditSink } from './authorization.audit.js';
import type { TraderKey } from './authorization.grants.js';
import { AuthorizationStoreError, type AuthorizationStore, type StoredAuthorization, type StoredEntry } from './authorization.store.js';
import { authorizeRequest } from './authorize-request.js';
import { canonicalJson } from './signature/canonical-json.js';
import type { SignatureVerdict } from './signature/signature-verdict.js';
import type { TrustStore } from './signature/trust-store.js';
import { verifyDetachedJws } from './signature/jws.verify.js';
import { verifyEnvelopedXml } from './signature/xmldsig.verify.js';

export interface NatsAuthorizationServiceOptions {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly names: Names;
  readonly store: AuthorizationStore;
  /** CAs whose qualified certificates may sign requests (`loadAuthorizationTrustStore`). */
  readonly trust: TrustStore;
  readonly audit: AuthorizationAuditSink;
  readonly logger: Logger;
  /** Time limit of one registry request over NATS, in ms; must exceed the connector's own retry budget. Default 10 000. */
  readonly registryTimeoutMs?: number;
  /** Longest validity a request may ask for, in days. Default 1 096 (three years). */
  readonly maxValidityDays?: number;
  /** Refuse plain XMLDSig: XAdES-BES signed properties must bind the certificate. Default false. */
  readonly requireXades?: boolean;
  /** Clock of decisions and certificate checks. Default `() => new Date()`. */
  readonly clock?: () => Date;
}

/** Writers racing on one requestId retry this often before the caller gets a retryable error. */
const SUBMIT_ATTEMPTS = 3;

/** Only a request the applicant himself signed owns its requestId; any other decision may be replaced by a signed one. */
const isAuthenticated = (record: AuthorizationRecord): boolean =>
  record.signature.signerTckn !== undefined && record.signature.signerTckn === record.request.applicant.tckn;

/**
 * Digital authorization in the hub: verifies the applicant's e-signature, decides against the registries, keeps the
 * decision in NATS KV (idempotent on requestId), indexes approvals for the declaration-time check, and announces each
 * decision on `<ns>.auth.<status>` and to the audit sink (an outbox flag makes a crash between the steps recoverable
 * by resubmitting).
 */
export class NatsAuthorizationService implements AuthorizationService {
  private readonly clock: () => Date;

  constructor(private readonly o: NatsAuthorizationServiceOptions) {
    this.clock = o.clock ?? (() => new Date());
  }

  async submit(signed: SignedAuthorization, ctx: AuthorizationContext): Promise<AuthorizationOutcome> {
    const claimed = signed.method === 'JWS' ? signed.request : signed.claimed;
    for (let attempt = 0; attempt < SUBMIT_ATTEMPTS; attempt++) {
      const existing = await this.o.store.get(claimed.requestId);
      if (existing && isAuthenticated(existing.value.record)) return this.repeat(existing, claimed);
      const now = this.clock();
      const { request, verdict } = await this.verify(signed, now);
      if (!verdict.ok) this.o.logger.info({ requestId: request.requestId, code: verdict.code, detail: verdict.detail }, 'authorization signature refused');
      const { record, traderKeys } = await authorizeRequest(request, verdict, signed.method, {
        nc: this.o.nc, ns: this.o.names.ns, timeoutMs: this.o.registryTimeoutMs ?? 10_000, now, maxValidityDays: this.o.maxValidityDays,
      });
      // A signed request whose requestId was claimed by someone else's unauthenticated refusal replaces that refusal.
      const stored: StoredAuthorization = { record, clientId: ctx.clientId, protocol: ctx.protocol, traderKeys, announced: false };
      const revision = await this.o.store.put(stored, existing?.revision ?? null);
      if (revision === null) continue;
      await this.complete({ value: stored, revision });
      this.o.logger.info({ requestId: request.requestId, status: record.result.status, reasons: record.result.reasons.map((r) => r.code), clientId: ctx.clientId }, 'authorization decided');
      return { record, duplicate: false };
    }
    throw new AuthorizationStoreError(`authorization ${claimed.requestId} kept changing under ${SUBMIT_ATTEMPTS} attempts`);
  }

  async get(requestId: string, clientId: string): Promise<AuthorizationRecord | null> {
    const entry = await this.o.store.get(requestId);
    return entry && entry.value.clientId === clientId ? entry.value.record : null;
  }

  /**
   * A person's decision on a request in MANUAL_REVIEW: APPROVED (then it counts for declarations) or REJECTED, the
   * registry reasons kept and REVIEW_APPROVED / REVIEW_REJECTED added; announced and audited under the reviewer.
   */
  async resolveReview(requestId: string, status: 'APPROVED' | 'REJECTED', reviewer: AuditActor, note = ''): Promise<AuthorizationRecord> {
    const entry = await this.o.store.get(requestId);
    if (!entry) throw authorizationNotFound(requestId);
    if (entry.value.record.result.status !== 'MANUAL_REVIEW') throw notInReview(requestId, entry.value.record.result.status);
    const { record } = entry.value;
    const reviewed: AuthorizationRecord = {
      ...record,
      result: {
        ...record.result,
        status,
        reasons: [...record.result.reasons, authorizationReason(status === 'APPROVED' ? 'REVIEW_APPROVED' : 'REVIEW_REJECTED')],
        decidedAt: this.clock().toISOString(),
      },
    };
    const stored: StoredAuthorization = { ...entry.value, record: reviewed, announced: false };
    const revision = await this.o.store.put(stored, entry.revision);
    if (revision === null) throw new AuthorizationStoreError(`authorization ${requestId} changed during its review`);
    await this.complete({ value: stored, revision }, { actor: reviewer, note });
    this.o.logger.info({ requestId, status, reviewer: reviewer.id }, 'authorization review resolved');
    return reviewed;
  }

  /** Stores an approval decided outside the signed flow (demo seeding); does nothing when the requestId is taken. */
  async recordApproved(record: AuthorizationRecord, traderKeys: readonly TraderKey[], actorId: string): Promise<boolean> {
    const stored: StoredAuthorization = { record, clientId: actorId, protocol: 'SEED', traderKeys, announced: false };
    const revision = await this.o.store.put(stored, null);
    if (revision === null) return false;
    await this.complete({ value: stored, revision });
    return true;
  }

  private async verify(signed: SignedAuthorization, now: Date): Promise<{ request: AuthorizationRequest; verdict: SignatureVerdict }> {
    if (signed.method === 'JWS') return { request: signed.request, verdict: await verifyDetachedJws(signed.request, signed.jws, this.o.trust, now) };
    const verdict = await verifyEnvelopedXml(signed.document, this.o.trust, now, { requireXades: this.o.requireXades ?? false });
    // Once the signature holds, the request is read from what was signed, never from the document around it.
    return { request: verdict.ok ? signed.readSigned(verdict.signedContent) : signed.claimed, verdict };
  }

  /** A resubmission: the same request gets the stored decision (finishing its announcement if a crash cut it short). */
  private async repeat(existing: StoredEntry, request: AuthorizationRequest): Promise<AuthorizationOutcome> {
    if (canonicalJson(existing.value.record.request) !== canonicalJson(request)) throw requestConflict(request.requestId);
    if (!existing.value.announced) await this.complete(existing);
    return { record: existing.value.record, duplicate: true };
  }

  /** Index an approval, publish the decision and audit it; then mark the stored decision as announced. */
  private async complete({ value, revision }: StoredEntry, review?: { actor: AuditActor; note: string }): Promise<void> {
    const { record } = value;
    // APPROVED implies the applicant signed (decideAuthorization refuses anything else) or the hub seeded it.
    if (record.result.status === 'APPROVED') {
      const today = this.clock().toISOString().slice(0, 10);
      await this.o.store.grant(value.traderKeys, record.request.applicant.tckn, { requestId: record.request.requestId, validUntil: record.request.validUntil }, today);
    }
    const h = headers();
    h.set(CLIENT_ID_HEADER, value.clientId);
    await this.o.js.publish(this.o.names.subjects.authorization(record.result.status), JSON.stringify(record), {
      msgID: `${record.request.requestId}:${revision}`,
      headers: h,
    });
    const actor: AuditActor = review?.actor ?? (value.protocol === 'SEED' ? { kind: 'system', id: value.clientId } : { kind: 'api-client', id: value.clientId });
    await this.o.audit.record({ actor, record, revision, protocol: value.protocol, ...(review ? { reviewNote: review.note } : {}) });
    await this.o.store.put({ ...value, announced: true }, revision);
  }
}
