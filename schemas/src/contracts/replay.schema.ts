import { Type, type Static } from 'typebox';
import { CustomsOffice, DateTime, DeclarationId, Gtip, Version } from './common.schema.js';
import { DeadLetterStage, ReplayRecord } from './dead-letter.schema.js';
import { ErrorDetail } from './error.schema.js';
import { AuditActor } from './audit.schema.js';

/** Search of the dead-letter index; every field narrows the match. */
export const DeadLetterFilter = Type.Object(
  {
    stage: Type.Optional(DeadLetterStage),
    code: Type.Optional(Type.String({ description: 'Error code, e.g. HUB_ERR_POISON_MESSAGE' })),
    office: Type.Optional(CustomsOffice),
    declarationId: Type.Optional(DeclarationId),
    gtip: Type.Optional(Gtip),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    replayed: Type.Optional(Type.Boolean({ description: 'true: only replayed ones; false: only never replayed' })),
  },
  { additionalProperties: false },
);
export type DeadLetterFilter = Static<typeof DeadLetterFilter>;

export const DeadLetterSearch = Type.Object(
  {
    ...DeadLetterFilter.properties,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.Integer({ minimum: 1, description: 'nextCursor of the previous page (newest first)' })),
  },
  { additionalProperties: false },
);
export type DeadLetterSearch = Static<typeof DeadLetterSearch>;

/** What the index keeps of a dead letter; the payload is fetched from the stream by sequence on demand. */
export const DeadLetterSummary = Type.Object(
  {
    id: Type.String(),
    seq: Type.Integer(),
    stage: DeadLetterStage,
    code: Type.String(),
    message: Type.String(),
    attempts: Type.Integer(),
    firstFailureAt: DateTime,
    lastFailureAt: DateTime,
    declarationId: Type.Optional(Type.String()),
    version: Type.Optional(Type.Integer()),
    customsOffice: Type.Optional(Type.String()),
    gtips: Type.Optional(Type.Array(Type.String())),
    replayCount: Type.Integer(),
    lastReplayResult: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type DeadLetterSummary = Static<typeof DeadLetterSummary>;

export const DeadLetterPage = Type.Object(
  {
    total: Type.Integer({ description: 'All matches of the filter' }),
    items: Type.Array(DeadLetterSummary),
    nextCursor: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
export type DeadLetterPage = Static<typeof DeadLetterPage>;

/** What the filters can choose from: every stage, error code and office present in the index, with its count. */
export const DeadLetterFacets = Type.Object(
  {
    total: Type.Integer(),
    stages: Type.Record(Type.String(), Type.Integer()),
    codes: Type.Record(Type.String(), Type.Integer()),
    offices: Type.Record(Type.String(), Type.Integer()),
  },
  { additionalProperties: false },
);
export type DeadLetterFacets = Static<typeof DeadLetterFacets>;

/** Replay of one dead letter, optionally with an edited declaration that is validated like new input. */
export const ReplayOneRequest = Type.Object(
  {
    payload: Type.Optional(Type.Unknown({ description: 'Edited declaration (JSON contract); validated exactly like REST input' })),
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ReplayOneRequest = Static<typeof ReplayOneRequest>;

/** Replay of many: explicit ids, or every dead letter matching a filter. */
export const ReplayBatchRequest = Type.Object(
  {
    ids: Type.Optional(Type.Array(Type.String(), { minItems: 1, maxItems: 10_000 })),
    filter: Type.Optional(DeadLetterFilter),
    dryRun: Type.Optional(Type.Boolean({ description: 'Only count what would be replayed' })),
  },
  { additionalProperties: false },
);
export type ReplayBatchRequest = Static<typeof ReplayBatchRequest>;

export const REPLAY_RESULTS = {
  accepted: 'ACCEPTED',
  duplicate: 'DUPLICATE',
  alreadyDelivered: 'ALREADY_DELIVERED',
  dryRun: 'DRY_RUN',
} as const;

export const ReplayOutcome = Type.Object(
  {
    deadLetterId: Type.String(),
    replay: Type.Optional(ReplayRecord),
    declarationId: Type.Optional(DeclarationId),
    version: Type.Optional(Version),
    details: Type.Optional(Type.Array(ErrorDetail)),
  },
  { additionalProperties: false },
);
export type ReplayOutcome = Static<typeof ReplayOutcome>;

export const ReplayBatchAccepted = Type.Object(
  {
    batchId: Type.String(),
    matched: Type.Integer(),
    dryRun: Type.Boolean(),
    ratePerSecond: Type.Number({ description: 'Replay velocity the batch is held to' }),
  },
  { additionalProperties: false },
);
export type ReplayBatchAccepted = Static<typeof ReplayBatchAccepted>;

/** Data of one BullMQ `replay` job: one dead letter of a batch. */
export const ReplayJob = Type.Object(
  {
    batchId: Type.String(),
    deadLetterId: Type.String(),
    actor: AuditActor,
  },
  { additionalProperties: false },
);
export type ReplayJob = Static<typeof ReplayJob>;
