import type { MetricsSnapshot } from '@tareks/schemas';

/** uPlot's column layout: x (Unix seconds), decisions per second, latency p50 and p99 (ms). */
export type MetricsSeries = [seconds: number[], decisionsPerSecond: number[], p50Ms: number[], p99Ms: number[]];

/** The latest `metrics.v1` snapshot and the readings of the last `windowSeconds`. */
export class MetricsHistory {
  latest = $state.raw<MetricsSnapshot | undefined>(undefined);
  series = $state.raw<MetricsSeries>([[], [], [], []]);
  readonly windowSeconds: number;

  constructor(windowSeconds: number) {
    this.windowSeconds = windowSeconds;
  }

  readonly push = (snapshot: MetricsSnapshot): void => {
    this.latest = snapshot;
    const at = Date.parse(snapshot.at) / 1000;
    const [xs, rate, p50, p99] = this.series;
    // uPlot needs increasing x; a late or repeated snapshot only updates the counters.
    if (Number.isNaN(at) || at <= (xs.at(-1) ?? -Infinity)) return;
    let first = 0;
    while (first < xs.length && (xs[first] ?? 0) <= at - this.windowSeconds) first++;
    this.series = [
      [...xs.slice(first), at],
      [...rate.slice(first), snapshot.decisionsPerSecond],
      [...p50.slice(first), snapshot.latencyMs.p50],
      [...p99.slice(first), snapshot.latencyMs.p99],
    ];
  };
}
