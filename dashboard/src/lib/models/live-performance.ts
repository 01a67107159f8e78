import type { ModelPerformanceReport } from '@tareks/schemas';

/** What a version did while it served, summed over the report's days. */
export interface LivePerformance {
  readonly items: number;
  readonly inspected: number;
  readonly nonCompliant: number;
  readonly hitRate: number | null;
}

/** Per model version: items scored, inspected, non-compliance found (the warehouse's daily rows added up). */
export function livePerformanceByVersion(report: ModelPerformanceReport): Map<string, LivePerformance> {
  const sums = new Map<string, { items: number; inspected: number; nonCompliant: number }>();
  for (const r of report.rows) {
    const s = sums.get(r.modelVersion) ?? { items: 0, inspected: 0, nonCompliant: 0 };
    s.items += r.items;
    s.inspected += r.inspected;
    s.nonCompliant += r.nonCompliant;
    sums.set(r.modelVersion, s);
  }
  return new Map([...sums].map(([v, s]) => [v, { ...s, hitRate: s.inspected > 0 ? s.nonCompliant / s.inspected : null }]));
}
