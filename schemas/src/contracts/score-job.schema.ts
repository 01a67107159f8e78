import { Type, type Static } from 'typebox';
import { DateTime } from './common.schema.js';
import { IngestProtocol } from './received.schema.js';
import { Declaration } from './declaration.schema.js';
import { EnrichmentResult } from './enrichment.schema.js';

/** Data of the BullMQ `score` job the orchestrator hands to the score workers (jobId = id:version). */
export const ScoreJob = Type.Object(
  {
    declaration: Declaration,
    enrichment: Type.Array(EnrichmentResult),
    receivedAt: DateTime,
    /** The API client that lodged the declaration: its decision callback goes there. */
    clientId: Type.String(),
    protocol: IngestProtocol,
    enrichMs: Type.Number({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type ScoreJob = Static<typeof ScoreJob>;
