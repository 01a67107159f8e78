import { Type, type Static, type TSchema } from 'typebox';

export const REGISTRIES = ['kps', 'mersis', 'esbis'] as const;
export type RegistryName = (typeof REGISTRIES)[number];

/** Service operations by registry: subject `names(ns).subjects.service(registry, operation)`. */
export const REGISTRY_OPERATIONS = { kps: 'verify', mersis: 'company', esbis: 'tradesman' } as const satisfies Record<RegistryName, string>;

/** A successful reply of a registry service. `cached` tells whether the answer came from the Redis cache. */
export const RegistryReply = <T extends TSchema>(result: T) =>
  Type.Object(
    { result, cached: Type.Boolean(), tookMs: Type.Number({ minimum: 0 }) },
    { additionalProperties: false },
  );
export interface RegistryReply<T> {
  result: T;
  cached: boolean;
  tookMs: number;
}

/** The body of an error reply (the `Nats-Service-Error-Code` header carries an HTTP-like status). */
export const RegistryErrorReply = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({ description: 'Stable code, e.g. KPS_ERR_UPSTREAM_TIMEOUT, CONN_ERR_CIRCUIT_OPEN' }),
        message: Type.String(),
        retryable: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type RegistryErrorReply = Static<typeof RegistryErrorReply>;

export const CircuitState = Type.Union([Type.Literal('closed'), Type.Literal('open'), Type.Literal('half-open'), Type.Literal('isolated')]);
export type CircuitState = Static<typeof CircuitState>;

/** Published on `names(ns).subjects.circuit(upstream)` whenever an upstream's breaker changes state. */
export const CircuitEvent = Type.Object(
  {
    upstream: Type.String(),
    state: CircuitState,
    instanceId: Type.String({ description: 'NATS service instance id that observed the change' }),
    at: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type CircuitEvent = Static<typeof CircuitEvent>;

/** Counters of one registry service instance, for `metrics.v1` and the NATS services STATS `data`. */
export const ConnectorStats = Type.Object(
  {
    registry: Type.String(),
    operation: Type.String(),
    requests: Type.Integer(),
    errors: Type.Integer(),
    cacheHits: Type.Integer(),
    cacheMisses: Type.Integer(),
    upstreamCalls: Type.Integer(),
    processingMsTotal: Type.Number(),
    averageProcessingMs: Type.Number(),
    circuit: CircuitState,
  },
  { additionalProperties: false },
);
export type ConnectorStats = Static<typeof ConnectorStats>;
