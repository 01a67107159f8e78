/**
 * Exact quantiles of the last `size` values: a ring buffer for arrival order plus a sorted copy kept by
 * binary-search insertion and removal (O(size) per update, microseconds for a few thousand scores).
 */
export class SlidingQuantile {
  private readonly ring: Float64Array;
  private readonly sorted: number[] = [];
  private next = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`window size must be a positive integer: ${size}`);
    this.ring = new Float64Array(size);
  }

  get count(): number {
    return this.sorted.length;
  }

  push(x: number): void {
    if (this.sorted.length === this.size) this.sorted.splice(this.lowerBound(this.ring[this.next]!), 1);
    this.ring[this.next] = x;
    this.next = (this.next + 1) % this.size;
    this.sorted.splice(this.lowerBound(x), 0, x);
  }

  /** The q-quantile (0..1) of the window, by the nearest-rank rule; NaN when empty. */
  quantile(q: number): number {
    const n = this.sorted.length;
    if (n === 0) return Number.NaN;
    const rank = Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
    return this.sorted[rank]!;
  }

  private lowerBound(x: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
