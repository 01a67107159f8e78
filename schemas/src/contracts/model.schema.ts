import { Type, type Static } from 'typebox';
import { CustomsOffice, DateTime, DeclarationId, Domain, Lane, Version } from './common.schema.js';
import { SelectionCause } from './decision.schema.js';

/** A model version: `m-<yyyymmddhhmmss>-<hash6>`; also the object name prefix in the models bucket. */
export const ModelVersion = Type.String({ pattern: '^m-[0-9]{14}-[0-9a-f]{6}$', examples: ['m-20260124153000-3fa91c'] });
export type ModelVersion = Static<typeof ModelVersion>;

export const ModelMetrics = Type.Object(
  {
    rows: Type.Integer({ minimum: 0, description: 'Labelled rows the metrics were measured on (held-out part of the window)' }),
    positives: Type.Integer({ minimum: 0 }),
    auc: Type.Number({ minimum: 0, maximum: 1 }),
    precisionAtCapacity: Type.Number({ minimum: 0, maximum: 1, description: 'Hit rate of the top (RED + YELLOW) share by score' }),
  },
  { additionalProperties: false },
);
export type ModelMetrics = Static<typeof ModelMetrics>;

/** What the models bucket stores beside each ONNX file. */
export const ModelInfo = Type.Object(
  {
    version: ModelVersion,
    createdAt: DateTime,
    source: Type.Enum(['bootstrap', 'retrain'], { description: 'bootstrap: trained on a generated world; retrain: on recorded outcomes' }),
    featureNames: Type.Array(Type.String()),
    trainingWindow: Type.Object({ from: DateTime, to: DateTime, rows: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }),
    metrics: ModelMetrics,
  },
  { additionalProperties: false },
);
export type ModelInfo = Static<typeof ModelInfo>;

/** The active (champion) and shadow (challenger) versions, held in the settings KV. */
export const ModelPointers = Type.Object(
  {
    active: Type.Union([ModelVersion, Type.Null()]),
    shadow: Type.Union([ModelVersion, Type.Null()]),
    /** The champion before the last promotion: where a rollback returns to. */
    previous: Type.Union([ModelVersion, Type.Null()]),
    changedAt: DateTime,
  },
  { additionalProperties: false },
);
export type ModelPointers = Static<typeof ModelPointers>;

export const ModelList = Type.Object({ pointers: ModelPointers, models: Type.Array(ModelInfo) }, { additionalProperties: false });
export type ModelList = Static<typeof ModelList>;

export const ModelActionRequest = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500, description: 'Why (kept in the audit record)' })) },
  { additionalProperties: false },
);
export type ModelActionRequest = Static<typeof ModelActionRequest>;

/** One scored item as the learning loop keeps it: the vector served, champion and shadow scores. */
export const ScoredItem = Type.Object(
  {
    itemNo: Type.Integer({ minimum: 1 }),
    features: Type.Array(Type.Number()),
    score: Type.Number({ minimum: 0, maximum: 1 }),
    shadowScore: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    historyKeys: Type.Optional(Type.Array(Type.String(), { maxItems: 32, description: 'Label-history keys of the item (trader, declarant, GTİP prefixes, …): what its outcome updates' })),
    lane: Lane,
    selectionCause: SelectionCause,
  },
  { additionalProperties: false },
);
export type ScoredItem = Static<typeof ScoredItem>;

/** Published per decided declaration on `<ns>.scored.<id>.<version>` when a model took part. */
export const ScoredDeclaration = Type.Object(
  {
    declarationId: DeclarationId,
    version: Version,
    customsOffice: CustomsOffice,
    domain: Domain,
    traderId: Type.String(),
    scoredAt: DateTime,
    modelVersion: Type.String(),
    shadowVersion: Type.Optional(Type.String()),
    items: Type.Array(ScoredItem),
  },
  { additionalProperties: false },
);
export type ScoredDeclaration = Static<typeof ScoredDeclaration>;

export const OutcomeReceipt = Type.Object(
  {
    declarationId: DeclarationId,
    version: Version,
    itemNo: Type.Integer({ minimum: 1 }),
    duplicate: Type.Boolean({ description: 'The same item outcome was recorded before; nothing changed' }),
  },
  { additionalProperties: false },
);
export type OutcomeReceipt = Static<typeof OutcomeReceipt>;
