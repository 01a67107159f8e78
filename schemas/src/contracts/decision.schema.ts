import { Type, type Static } from 'typebox';
import { CustomsOffice, DateTime, DeclarationId, Domain, Kind, Lane, Reason, Version } from './common.schema.js';

export const SELECTION_CAUSES = ['RISK', 'RULE', 'RANDOM'] as const;
export const SelectionCause = Type.Enum(SELECTION_CAUSES, {
  description: 'RISK: the score chose the lane; RULE: a hard rule overrode it; RANDOM: picked at random for control',
});
export type SelectionCause = Static<typeof SelectionCause>;

export const ItemDecision = Type.Object(
  {
    itemNo: Type.Integer({ minimum: 1 }),
    score: Type.Number({ minimum: 0, maximum: 1 }),
    lane: Lane,
    selectionCause: SelectionCause,
    reasons: Type.Array(Reason),
  },
  { additionalProperties: false },
);
export type ItemDecision = Static<typeof ItemDecision>;

export const DecisionTimings = Type.Object(
  {
    receivedAt: DateTime,
    decidedAt: DateTime,
    enrichMs: Type.Number({ minimum: 0 }),
    scoreMs: Type.Number({ minimum: 0 }),
    totalMs: Type.Number({ minimum: 0, description: 'From receipt at the edge to the decision' }),
  },
  { additionalProperties: false },
);
export type DecisionTimings = Static<typeof DecisionTimings>;

export const Decision = Type.Object(
  {
    declarationId: DeclarationId,
    version: Version,
    customsOffice: CustomsOffice,
    kind: Kind,
    domain: Domain,
    lane: Lane,
    items: Type.Array(ItemDecision),
    modelVersion: Type.String({ description: 'rules-<hash> for the rule baseline, or the ONNX model version' }),
    timings: DecisionTimings,
  },
  { additionalProperties: false },
);
export type Decision = Static<typeof Decision>;

