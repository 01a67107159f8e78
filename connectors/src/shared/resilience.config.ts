import type { ConfigField } from './config-spec.js';

/** The settings every upstream shares, read with the connector's prefix (e.g. KPS_TIMEOUT_MS). */
export function resilienceSpec(prefix: string) {
  const n = (suffix: string, description: string, value: number): ConfigField<number> => ({ env: `${prefix}_${suffix}`, description, default: value });
  return {
    timeoutMs: n('TIMEOUT_MS', 'Time limit of one upstream call, in ms', 2_000),
    retries: n('RETRIES', 'Retries after a retryable failure (lookups are idempotent)', 2),
    retryInitialDelayMs: n('RETRY_INITIAL_DELAY_MS', 'First back-off delay, in ms (decorrelated jitter)', 100),
    retryMaxDelayMs: n('RETRY_MAX_DELAY_MS', 'Largest back-off delay, in ms', 2_000),
    breakerThreshold: n('BREAKER_THRESHOLD', 'Consecutive failed calls that open the circuit', 5),
    breakerHalfOpenMs: n('BREAKER_HALF_OPEN_MS', 'Time an open circuit waits before letting one trial call through, in ms', 10_000),
    bulkheadLimit: n('BULKHEAD_LIMIT', 'Upstream calls in flight at once per service instance', 32),
    bulkheadQueue: n('BULKHEAD_QUEUE', 'Calls waiting for a bulkhead slot; past that a call fails fast (BULKHEAD_FULL)', 256),
    cacheTtlSec: n('CACHE_TTL_SEC', 'Redis cache lifetime of a positive answer, in s', 3_600),
    cacheNegativeTtlSec: n('CACHE_NEGATIVE_TTL_SEC', 'Redis cache lifetime of a negative answer (not found / not verified), in s', 300),
  } as const;
}

/** Fault knobs of a simulator (also settable at run time through its admin endpoint). */
export function simulatorSpec(prefix: string) {
  const n = (suffix: string, description: string, value: number): ConfigField<number> => ({ env: `${prefix}_SIM_${suffix}`, description, default: value });
  return {
    simLatencyMs: n('LATENCY_MS', 'Simulator: delay added to every reply, in ms', 0),
    simErrorRate: n('ERROR_RATE', 'Simulator: share of calls answered with a server error / SOAP Fault (0–1)', 0),
    simMalformedRate: n('MALFORMED_RATE', 'Simulator: share of calls answered with a malformed body (0–1)', 0),
    simOutage: n('OUTAGE', 'Simulator: 1 answers every call with 503 (full outage)', 0),
  } as const;
}

export type ResilienceConfig = { [K in keyof ReturnType<typeof resilienceSpec>]: number };
export type SimulatorConfig = { [K in keyof ReturnType<typeof simulatorSpec>]: number };
