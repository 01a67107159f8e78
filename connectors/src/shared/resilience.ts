import {
  BrokenCircuitError, BulkheadRejectedError, CircuitState as CockatielState, ConsecutiveBreaker, ExponentialBackoff,
  IsolatedCircuitError, TaskCancelledError, TimeoutStrategy, bulkhead, circuitBreaker, handleWhen, retry, timeout, wrap,
} from 'cockatiel';
import type { CircuitState } from '@tareks/schemas';
import { ConnectorError, connError, isConnectorError } from './connector.errors.js';
import type { ResilienceConfig } from './resilience.config.js';

const STATE_NAMES: Record<CockatielState, CircuitState> = {
  [CockatielState.Closed]: 'closed',
  [CockatielState.Open]: 'open',
  [CockatielState.HalfOpen]: 'half-open',
  [CockatielState.Isolated]: 'isolated',
};

/** Only upstream failures that may pass count against the breaker and are retried; a client fault never is. */
const isRetryable = (e: unknown): boolean => isConnectorError(e) && e.retryable;

export interface Resilience {
  /** Runs one upstream call under bulkhead → retry → breaker → timeout; `fn` must honour the signal. */
  execute<T>(fn: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly state: CircuitState;
  dispose(): void;
}

/**
 * The one place that owns timeouts, retries, the circuit breaker and the bulkhead for an upstream
 * (clients never sleep or loop). Errors come out typed: the client's own, or CONN_ERR_CIRCUIT_OPEN / BULKHEAD_FULL.
 */
export function createResilience(
  upstream: string,
  prefix: string,
  cfg: ResilienceConfig,
  onStateChange: (state: CircuitState) => void,
): Resilience {
  const breaker = circuitBreaker(handleWhen(isRetryable), {
    halfOpenAfter: cfg.breakerHalfOpenMs,
    breaker: new ConsecutiveBreaker(cfg.breakerThreshold),
  });
  const retryPolicy = retry(handleWhen(isRetryable), {
    maxAttempts: cfg.retries,
    backoff: new ExponentialBackoff({ initialDelay: cfg.retryInitialDelayMs, maxDelay: cfg.retryMaxDelayMs }),
  });
  const limit = bulkhead(cfg.bulkheadLimit, cfg.bulkheadQueue);
  const deadline = timeout(cfg.timeoutMs, TimeoutStrategy.Aggressive);
  const outer = wrap(limit, retryPolicy);
  const listener = breaker.onStateChange((s) => onStateChange(STATE_NAMES[s]));

  const translate = (e: unknown): unknown => {
    if (e instanceof BrokenCircuitError || e instanceof IsolatedCircuitError) return connError('CIRCUIT_OPEN', `${upstream}: circuit open`, e);
    if (e instanceof BulkheadRejectedError) return connError('BULKHEAD_FULL', `${upstream}: too many calls in flight`, e);
    if (e instanceof TaskCancelledError) return new ConnectorError(prefix, 'TIMEOUT', `${upstream}: no answer within ${cfg.timeoutMs} ms`, { cause: e });
    return e;
  };

  return {
    async execute<T>(fn: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
      // The timeout sits inside the breaker, and is translated there, so a slow upstream counts as a failure.
      const attempt = (attemptSignal: AbortSignal): Promise<T> =>
        breaker.execute(async () => {
          try {
            return await deadline.execute((_ctx, inner) => fn(inner), attemptSignal);
          } catch (e) {
            throw translate(e);
          }
        }, attemptSignal);
      try {
        return await outer.execute(({ signal: s }) => attempt(s), signal);
      } catch (e) {
        throw translate(e);
      }
    },
    get state() {
      return STATE_NAMES[breaker.state];
    },
    dispose: () => listener.dispose(),
  };
}
