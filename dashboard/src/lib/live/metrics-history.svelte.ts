import type { MetricsSnapshot } from '@tareks/schemas';

/** uPlot's column layout: x (Unix seconds) and y (decisions per second). */
export type ThroughputSeries = [seconds: number[], decisionsPerSecond: number[]];

/** The latest `metrics.v1` snapshot and the decisions/s readings of the last `windowSeconds`. */
export class MetricsHistory {
  latest = $state.raw<MetricsSnapshot | undefined>(undefined);
  series = $state.raw<ThroughputSeries>([[], []]);
  readonly windowSeconds: number;

  constructor(windowSeconds: number) {
    this.windowSeconds = windowSeconds;
  }

  readonly push = (snapshot: MetricsSnapshot): void => {
    this.latest = snapshot;
    const at = Date.parse(snapshot.at) / 1000;
    const [xs, ys] = this.series;
    // uPlot needs increasing x; a late or repeated snapshot only updates the counters.
    if (Number.isNaN(at) || at <= (xs.at(-1) ?? -Infinity)) return;
    let first = 0;
    while (first < xs.length && (xs[first] ?? 0) <= at - this.windowSeconds) first++;
    this.series = [[...xs.slice(first), at], [...ys.slice(first), snapshot.decisionsPerSecond]];
  };
}
