import { Type, type Static } from 'typebox';
import { DateTime, DeclarationId, Version } from './common.schema.js';
import { Decision } from './decision.schema.js';
import { ClientId } from './api-client.schema.js';
import { IngestProtocol } from './received.schema.js';

export const DECLARATION_STATUSES = ['RECEIVED', 'ENRICHING', 'SCORING', 'DECIDED', 'SUPERSEDED', 'FAILED'] as const;
export const DeclarationStatus = Type.Enum(DECLARATION_STATUSES);
export type DeclarationStatus = Static<typeof DeclarationStatus>;

export const Receipt = Type.Object(
  {
    id: DeclarationId,
    version: Version,
    status: DeclarationStatus,
    receivedAt: DateTime,
    statusUrl: Type.String({ description: 'Where to poll for the decision' }),
    duplicate: Type.Boolean({ description: 'true when this id+version had already been received' }),
  },
  { additionalProperties: false },
);
export type Receipt = Static<typeof Receipt>;

/** The current state of one declaration (latest version), as kept in NATS KV and served by status lookups. */
export const DeclarationState = Type.Object(
  {
    id: DeclarationId,
    version: Version,
    status: DeclarationStatus,
    receivedAt: DateTime,
    updatedAt: DateTime,
    decision: Type.Optional(Decision),
  },
  { additionalProperties: false },
);
export type DeclarationState = Static<typeof DeclarationState>;

/** How the current version entered the hub: who sent it, how, and where it sits in the declarations stream. */
export const Intake = Type.Object(
  {
    clientId: ClientId,
    protocol: IngestProtocol,
    seq: Type.Integer({ minimum: 1, description: 'Sequence of the version in the declarations stream' }),
  },
  { additionalProperties: false },
);
export type Intake = Static<typeof Intake>;

/**
 * What the hub keeps per declaration in KV: the public state plus the intake of its current version, so that the
 * declaration itself is read from the stream of record (no second copy) and the timeline knows who sent it.
 */
export const DeclarationRecord = Type.Object(
  { ...DeclarationState.properties, intake: Type.Optional(Intake) },
  { additionalProperties: false },
);
export type DeclarationRecord = Static<typeof DeclarationRecord>;

/** The synchronous answer of a submission that asked to wait and got its decision in time. */
export const DecidedSubmission = Type.Object({ receipt: Receipt, decision: Decision }, { additionalProperties: false });
export type DecidedSubmission = Static<typeof DecidedSubmission>;
