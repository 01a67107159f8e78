import { Type, type Static } from 'typebox';
import { DateTime } from './common.schema.js';

/** Admin actions that are audited; the action is also the subject suffix `<ns>.audit.<action>`. */
export const AUDIT_ACTIONS = [
  'deadletter.replay',
  'deadletter.replay-batch',
  'client.create',
  'client.update',
  'client.revoke',
  'user.create',
  'user.update',
  'user.delete',
  'model.promote',
  'model.rollback',
  'capacity.change',
  'watchlist.add',
  'watchlist.update',
  'watchlist.remove',
  'audit.export',
  'authorization.decide',
  'authorization.review',
] as const;
export const AuditAction = Type.Enum(AUDIT_ACTIONS);
export type AuditAction = Static<typeof AuditAction>;

export const AuditActor = Type.Object(
  {
    kind: Type.Enum(['user', 'api-client', 'system']),
    id: Type.String(),
  },
  { additionalProperties: false },
);
export type AuditActor = Static<typeof AuditActor>;

/** One admin action: who did what to which target, when, and how it ended. Append-only in the audit stream. */
export const AuditRecord = Type.Object(
  {
    id: Type.String(),
    at: DateTime,
    actor: AuditActor,
    action: AuditAction,
    target: Type.String({ description: 'What was acted on: a dead-letter id, a client id, a model version, a setting name' }),
    result: Type.String({ description: 'OK, DRY_RUN, or the error code the action ended with' }),
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);
export type AuditRecord = Static<typeof AuditRecord>;

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String()),
    action: Type.Optional(AuditAction),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    cursor: Type.Optional(Type.Integer({ minimum: 1, description: 'Stream sequence to continue from (nextCursor of the previous page)' })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditPage = Type.Object(
  {
    records: Type.Array(AuditRecord),
    nextCursor: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
export type AuditPage = Static<typeof AuditPage>;
