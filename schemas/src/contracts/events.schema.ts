import { Type, type Static } from 'typebox';
import { CustomsOffice, DateTime, DeclarationId, Domain, Kind, Lane, Reason } from './common.schema.js';
import { ConnectorStats } from './registry/service-reply.schema.js';

/** `decision.v1`: one decision as the live flow shows it. */
export const DecisionEvent = Type.Object(
  {
    declarationId: DeclarationId,
    version: Type.Integer(),
    customsOffice: CustomsOffice,
    kind: Kind,
    domain: Domain,
    lane: Lane,
    itemCount: Type.Integer(),
    maxScore: Type.Number(),
    topReason: Type.Optional(Reason),
    modelVersion: Type.String(),
    totalMs: Type.Number(),
    decidedAt: DateTime,
  },
  { additionalProperties: false },
);
export type DecisionEvent = Static<typeof DecisionEvent>;

/** `metrics.v1`: pushed once a second. */
export const MetricsSnapshot = Type.Object(
  {
    at: DateTime,
    decisionsPerSecond: Type.Number(),
    decisionsTotal: Type.Integer(),
    lanes: Type.Object({ GREEN: Type.Integer(), YELLOW: Type.Integer(), RED: Type.Integer() }),
    latencyMs: Type.Object({ p50: Type.Number(), p99: Type.Number() }),
    rejectedTotal: Type.Integer(),
    queues: Type.Record(Type.String(), Type.Object({ waiting: Type.Integer(), active: Type.Integer(), failed: Type.Integer(), delayed: Type.Integer() })),
    streams: Type.Record(Type.String(), Type.Object({ messages: Type.Integer(), consumerPending: Type.Integer(), ackPending: Type.Integer() })),
    /** Registry connectors summed over their instances (NATS services API), with the worst circuit state. */
    connectors: Type.Array(ConnectorStats),
  },
  { additionalProperties: false },
);
export type MetricsSnapshot = Static<typeof MetricsSnapshot>;

/** The socket.io event map shared by the hub's gateway and the dashboard (name → argument tuple). */
export interface ServerToClientEvents {
  'decision.v1': (event: DecisionEvent) => void;
  'metrics.v1': (snapshot: MetricsSnapshot) => void;
}
export interface ClientToServerEvents {
  'subscribe.v1': (filter: { office?: string; domain?: string; lane?: string }) => void;
}
export const SOCKET_EVENTS = { decision: 'decision.v1', metrics: 'metrics.v1', subscribe: 'subscribe.v1' } as const;
