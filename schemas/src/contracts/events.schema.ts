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

/** One BullMQ queue: jobs in each state now, and the completion and failure rates of the last seconds (cluster-wide). */
export const QueueCounts = Type.Object(
  {
    waiting: Type.Integer({ description: 'Waiting and prioritized jobs' }),
    active: Type.Integer(),
    delayed: Type.Integer(),
    waitingChildren: Type.Integer({ description: 'Parent jobs of a flow waiting for their children (score waiting for OCR)' }),
    failed: Type.Integer({ description: 'Jobs kept in the failed set' }),
    completed: Type.Integer({ description: 'Jobs kept in the completed set (pruned by age)' }),
    completedPerSecond: Type.Number({ description: 'Jobs completed per second, last 10 s' }),
    failedPerSecond: Type.Number({ description: 'Jobs failed for good per second, last 10 s' }),
  },
  { additionalProperties: false },
);
export type QueueCounts = Static<typeof QueueCounts>;

/** One JetStream consumer of a stream. */
export const ConsumerCounts = Type.Object(
  {
    name: Type.String(),
    durable: Type.Boolean({ description: 'false for ordered/ephemeral readers (e.g. an index following a stream)' }),
    pending: Type.Integer({ description: 'Messages not yet delivered' }),
    ackPending: Type.Integer({ description: 'Delivered, not yet acknowledged' }),
    redelivered: Type.Integer({ description: 'Delivered more than once and still unacknowledged' }),
    waiting: Type.Integer({ description: 'Pull requests waiting' }),
  },
  { additionalProperties: false },
);
export type ConsumerCounts = Static<typeof ConsumerCounts>;

export const StreamCounts = Type.Object(
  {
    messages: Type.Integer(),
    bytes: Type.Integer(),
    consumerPending: Type.Integer(),
    ackPending: Type.Integer(),
    redelivered: Type.Integer(),
    consumers: Type.Array(ConsumerCounts),
  },
  { additionalProperties: false },
);
export type StreamCounts = Static<typeof StreamCounts>;

export const BROKER_STATUSES = ['up', 'down'] as const;
export const BrokerStatus = Type.Enum(BROKER_STATUSES);
export type BrokerStatus = Static<typeof BrokerStatus>;

/** The NATS server this hub process is connected to, as seen from the process. */
export const NatsHealth = Type.Object(
  {
    status: BrokerStatus,
    rttMs: Type.Optional(Type.Number({ description: 'Round trip of a PING, ms' })),
    server: Type.Optional(Type.String({ description: 'Server name' })),
    version: Type.Optional(Type.String()),
    cluster: Type.Optional(Type.String()),
    jetstream: Type.Optional(
      Type.Object(
        { streams: Type.Integer(), consumers: Type.Integer(), storageBytes: Type.Integer(), memoryBytes: Type.Integer() },
        { additionalProperties: false },
      ),
    ),
    error: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type NatsHealth = Static<typeof NatsHealth>;

/** The Redis behind BullMQ and the connector cache. */
export const RedisHealth = Type.Object(
  {
    status: BrokerStatus,
    pingMs: Type.Optional(Type.Number()),
    version: Type.Optional(Type.String()),
    usedMemoryBytes: Type.Optional(Type.Integer()),
    maxMemoryBytes: Type.Optional(Type.Integer({ description: '0: no limit' })),
    connectedClients: Type.Optional(Type.Integer()),
    uptimeSeconds: Type.Optional(Type.Integer()),
    error: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type RedisHealth = Static<typeof RedisHealth>;

/** `metrics.v1`: pushed once a second. */
export const MetricsSnapshot = Type.Object(
  {
    at: DateTime,
    decisionsPerSecond: Type.Number(),
    decisionsTotal: Type.Integer(),
    lanes: Type.Object({ GREEN: Type.Integer(), YELLOW: Type.Integer(), RED: Type.Integer() }),
    latencyMs: Type.Object({ p50: Type.Number(), p99: Type.Number() }),
    rejectedTotal: Type.Integer(),
    /** BullMQ queues by name; absent while Redis does not answer. */
    queues: Type.Record(Type.String(), QueueCounts),
    /** JetStream streams by name, with their consumers. */
    streams: Type.Record(Type.String(), StreamCounts),
    /** Registry connectors summed over their instances (NATS services API), with the worst circuit state. */
    connectors: Type.Array(ConnectorStats),
    /** Broker status as seen by the pushing process; optional so a reader copes with a hub that does not report it. */
    nats: Type.Optional(NatsHealth),
    redis: Type.Optional(RedisHealth),
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
