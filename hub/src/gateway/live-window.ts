import type { Lane } from '@tareks/schemas';

/** Decisions of the last `windowMs`, for throughput and latency quantiles in `metrics.v1`. */
export class LiveWindow {
  private times: number[] = [];
  private latencies: number[] = [];
  private total = 0;
  readonly lanes: Record<Lane, number> = { GREEN: 0, YELLOW: 0, RED: 0 };

  constructor(private readonly windowMs = 10_000) {}

  record(latencyMs: number, lane: Lane, now = Date.now()): void {
    this.times.push(now);
    this.latencies.push(latencyMs);
    this.total++;
    this.lanes[lane]++;
  }

  snapshot(now = Date.now()): { perSecond: number; total: number; p50: number; p99: number } {
    const cut = this.times.findIndex((t) => t > now - this.windowMs);
    const from = cut === -1 ? this.times.length : cut;
    this.times = this.times.slice(from);
    this.latencies = this.latencies.slice(from);
    const lastSecond = this.times.length - (this.times.findIndex((t) => t > now - 1000) === -1 ? this.times.length : this.times.findIndex((t) => t > now - 1000));
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const q = (p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : 0);
    return { perSecond: lastSecond, total: this.total, p50: q(0.5), p99: q(0.99) };
  }
}
