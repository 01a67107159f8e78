import { Type, type Static } from 'typebox';
import { DateTime, DeclarationId, Lane, Sha256, Version } from './common.schema.js';
import { DeclarationState } from './receipt.schema.js';

/** The stages a declaration passes through, in the order they usually happen. */
export const TIMELINE_STAGES = [
  'RECEIVED',
  'DUPLICATE',
  'SUPERSEDED',
  'ENRICHED',
  'OCR',
  'SCORED',
  'DECIDED',
  'CALLBACK',
  'DEAD_LETTERED',
  'REPLAYED',
  'OUTCOME_RECORDED',
] as const;
export const TimelineStage = Type.Enum(TIMELINE_STAGES);
export type TimelineStage = Static<typeof TimelineStage>;

const Code = Type.String({ pattern: '^[A-Z][A-Z0-9_]*$', maxLength: 64 });

/** One registry lookup of the enrichment round, as summarised on the timeline. */
export const TimelineRegistryResult = Type.Object(
  {
    step: Type.String({ maxLength: 32, description: 'kps, mersis, esbis…' }),
    status: Type.Union([Type.Literal('OK'), Type.Literal('NOT_FOUND'), Type.Literal('UNAVAILABLE'), Type.Literal('SKIPPED')]),
    flags: Type.Array(Code, { maxItems: 16 }),
    ms: Type.Number({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type TimelineRegistryResult = Static<typeof TimelineRegistryResult>;

/**
 * One step of one declaration version, appended by the stage that did it to `<ns>.timeline.<declarationId>`.
 * Small on purpose: the full payloads stay in their streams of record; this says what happened, when and how long it took.
 */
export const TimelineEvent = Type.Object(
  {
    declarationId: DeclarationId,
    version: Version,
    stage: TimelineStage,
    at: DateTime,
    outcome: Type.Optional(Type.String({
      pattern: '^[A-Z][A-Z0-9_]*$',
      maxLength: 64,
      description: 'Stage result: RECEIVED by protocol (REST, SOAP, REPLAY); OCR OK / UNREADABLE / DEADLINE / FAILED; CALLBACK DELIVERED / RETRYING / FAILED; REPLAYED by replay result; OUTCOME_RECORDED COMPLIANT / NON_COMPLIANT',
    })),
    detail: Type.Optional(Type.String({ maxLength: 300, description: 'Short machine-written note (error message, superseding version…)' })),
    ms: Type.Optional(Type.Number({ minimum: 0, description: 'Time the stage took' })),
    lane: Type.Optional(Lane),
    modelVersion: Type.Optional(Type.String({ maxLength: 80 })),
    errorCode: Type.Optional(Code),
    registries: Type.Optional(Type.Array(TimelineRegistryResult, { maxItems: 16 })),
    document: Type.Optional(Type.Object(
      { sha256: Sha256, type: Type.Optional(Type.String({ maxLength: 40 })), pages: Type.Optional(Type.Integer({ minimum: 0 })) },
      { additionalProperties: false },
    )),
    attempt: Type.Optional(Type.Integer({ minimum: 1, description: 'Delivery attempt of a callback' })),
    deliveryId: Type.Optional(Type.String({ maxLength: 64 })),
    deadLetterId: Type.Optional(Type.String({ maxLength: 64 })),
    itemNo: Type.Optional(Type.Integer({ minimum: 1 })),
    by: Type.Optional(Type.String({ maxLength: 120, description: 'Who acted: client id, `user:<name>`…' })),
    derived: Type.Optional(Type.Boolean({ description: 'Reconstructed from the decision\'s timings because the timeline did not hold it (expired or lost); received, scored and decided of the current version always come from the state of record' })),
  },
  { additionalProperties: false },
);
export type TimelineEvent = Static<typeof TimelineEvent>;

/** Shadow (challenger) scores of a decided version, when a shadow model scored beside the champion. */
export const TimelineShadow = Type.Object(
  {
    modelVersion: Type.String(),
    items: Type.Array(Type.Object({ itemNo: Type.Integer({ minimum: 1 }), score: Type.Number({ minimum: 0, maximum: 1 }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type TimelineShadow = Static<typeof TimelineShadow>;

/** `GET /v1/timeline/{id}`: everything the hub knows about one declaration, oldest event first. */
export const DeclarationTimeline = Type.Object(
  {
    declarationId: DeclarationId,
    state: Type.Union([DeclarationState, Type.Null()], { description: 'Latest status and decision of record (null when only timeline events exist)' }),
    events: Type.Array(TimelineEvent),
    shadow: Type.Union([TimelineShadow, Type.Null()]),
    truncated: Type.Boolean({ description: 'More events were stored than one answer carries; the oldest are shown' }),
  },
  { additionalProperties: false },
);
export type DeclarationTimeline = Static<typeof DeclarationTimeline>;
