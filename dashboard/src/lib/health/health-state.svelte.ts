import type { ConnectorStats, MetricsSnapshot } from '@tareks/schemas';

/** Connector figures over the window: averages of the requests made in it, or since start when there were none. */
export interface ConnectorView {
  readonly registry: string;
  readonly circuit: ConnectorStats['circuit'];
  readonly requests: number;
  readonly latencyMs: number;
  readonly errorRate: number;
  readonly cacheHitRate: number | null;
  /** True when the figures cover the window, false when they are the totals since start. */
  readonly windowed: boolean;
}

/** The latest `metrics.v1` snapshot and the connector stats of the last `windowSeconds`, for the health page. */
export class HealthState {
  latest = $state.raw<MetricsSnapshot | undefined>(undefined);
  connectors = $state.raw<ConnectorView[]>([]);
  private history: MetricsSnapshot[] = [];

  constructor(private readonly windowSeconds = 10) {}

  readonly push = (snapshot: MetricsSnapshot): void => {
    const at = Date.parse(snapshot.at);
    this.history = [...this.history.filter((s) => Date.parse(s.at) >= at - this.windowSeconds * 1000 && Date.parse(s.at) < at), snapshot];
    this.latest = snapshot;
    this.connectors = connectorViews(this.history[0]!, snapshot);
  };
}

/** Per registry: the change between the oldest snapshot of the window and the newest. */
export function connectorViews(oldest: MetricsSnapshot, newest: MetricsSnapshot): ConnectorView[] {
  return newest.connectors.map((now) => {
    const then = oldest === newest ? undefined : oldest.connectors.find((c) => c.registry === now.registry);
    const requests = then ? now.requests - then.requests : 0;
    const windowed = then !== undefined && requests > 0;
    const base = windowed ? then! : { requests: 0, errors: 0, processingMsTotal: 0, cacheHits: 0, cacheMisses: 0 };
    const n = now.requests - base.requests;
    const lookups = now.cacheHits - base.cacheHits + (now.cacheMisses - base.cacheMisses);
    return {
      registry: now.registry,
      circuit: now.circuit,
      requests: now.requests,
      latencyMs: n > 0 ? (now.processingMsTotal - base.processingMsTotal) / n : 0,
      errorRate: n > 0 ? (now.errors - base.errors) / n : 0,
      cacheHitRate: lookups > 0 ? (now.cacheHits - base.cacheHits) / lookups : null,
      windowed,
    };
  });
}
