import { Type, type Static } from 'typebox';
import { DateTime } from './common.schema.js';

export const DLQ_STAGES = ['ingest', 'orchestrate', 'enrich', 'ocr', 'score', 'decide', 'notify'] as const;
export const DeadLetterStage = Type.Enum(DLQ_STAGES);
export type DeadLetterStage = Static<typeof DeadLetterStage>;

/** One difference between the dead letter's declaration and the edited one that was replayed. */
export const ReplayChange = Type.Object(
  {
    pointer: Type.String({ description: 'JSON pointer into the declaration; "" for the whole payload' }),
    before: Type.Optional(Type.String({ description: 'Old value as JSON, shortened; absent when the field was added' })),
    after: Type.Optional(Type.String({ description: 'New value as JSON, shortened; absent when the field was removed' })),
  },
  { additionalProperties: false },
);
export type ReplayChange = Static<typeof ReplayChange>;

export const ReplayRecord = Type.Object(
  {
    replayId: Type.String(),
    at: DateTime,
    by: Type.String(),
    edited: Type.Boolean(),
    result: Type.String({ description: 'ACCEPTED, DUPLICATE or the error code' }),
    changes: Type.Optional(Type.Array(ReplayChange, { description: 'What the edit changed (first 50 differences)' })),
    batchId: Type.Optional(Type.String({ description: 'The batch replay this replay was part of' })),
  },
  { additionalProperties: false },
);
export type ReplayRecord = Static<typeof ReplayRecord>;

export const DeadLetter = Type.Object(
  {
    id: Type.String(),
    stage: DeadLetterStage,
    subject: Type.String({ description: 'Where the original message was read from (subject or queue)' }),
    payload: Type.String({ description: 'Original message body, base64' }),
    headers: Type.Record(Type.String(), Type.Array(Type.String())),
    error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: false }),
    attempts: Type.Integer({ minimum: 1 }),
    firstFailureAt: DateTime,
    lastFailureAt: DateTime,
    declarationId: Type.Optional(Type.String()),
    version: Type.Optional(Type.Integer()),
    customsOffice: Type.Optional(Type.String()),
    gtips: Type.Optional(Type.Array(Type.String())),
    replays: Type.Array(ReplayRecord),
  },
  { additionalProperties: false },
);
export type DeadLetter = Static<typeof DeadLetter>;
