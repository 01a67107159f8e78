import type { JetStreamClient } from '@nats-io/jetstream';
import type { AuditActor, AuditRecord, AuthorizationRecord, Names } from '@tareks/schemas';

/** The audit action of an authorization decision; also the subject suffix `<ns>.audit.authorization.decide`. */
export const AUTHORIZATION_AUDIT_ACTION = 'authorization.decide';

export interface AuthorizationAuditEntry {
  readonly actor: AuditActor;
  readonly record: AuthorizationRecord;
  /** Revision of the stored decision: with the requestId, the idempotency key of the audit event. */
  readonly revision: number;
  readonly protocol: 'REST' | 'SOAP' | 'SEED';
  /** Present when a person resolved a manual review: the reviewer's note. */
  readonly reviewNote?: string;
}

/** Where every authorization decision is audited. */
export interface AuthorizationAuditSink {
  record(entry: AuthorizationAuditEntry): Promise<void>;
}

/** The audit record of a decision: who relayed it, which request, the outcome, the coded reasons and the signer. */
export function auditRecordOf(entry: AuthorizationAuditEntry, at: Date): Omit<AuditRecord, 'action'> & { action: typeof AUTHORIZATION_AUDIT_ACTION } {
  const { record } = entry;
  return {
    id: `authz-${record.request.requestId}-${entry.revision}`,
    at: at.toISOString(),
    actor: entry.actor,
    action: AUTHORIZATION_AUDIT_ACTION,
    target: record.request.requestId,
    result: record.result.status,
    details: {
      reasons: record.result.reasons.map((r) => r.code),
      applicantTckn: record.request.applicant.tckn,
      trader: record.request.trader,
      role: record.request.role,
      validUntil: record.request.validUntil,
      signature: record.signature,
      protocol: entry.protocol,
      ...(entry.reviewNote !== undefined ? { review: { note: entry.reviewNote } } : {}),
    },
  };
}

/**
 * Appends decisions to the audit stream as `AuditRecord`s (action `authorization.decide`), the message id making a
 * repeated announcement of the same decision a duplicate the stream drops.
 */
export function jetStreamAuditSink(js: JetStreamClient, names: Names): AuthorizationAuditSink {
  return {
    async record(entry) {
      const audit = auditRecordOf(entry, new Date());
      await js.publish(names.subjects.audit(AUTHORIZATION_AUDIT_ACTION), JSON.stringify(audit), { msgID: audit.id });
    },
  };
}
