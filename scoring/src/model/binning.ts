/**
 * Quantile bins per feature. Edges are data values (float32), so `x <= edge[b]` in the trainer and in
 * ONNX's BRANCH_LEQ give the same side for every row.
 */
export interface Bins {
  /** Column-major bin index per row: `codes[f * n + i]`. */
  readonly codes: Uint8Array;
  /** Upper edges per feature; bin b holds values in (edges[b-1], edges[b]], the last bin the rest. */
  readonly edges: readonly Float32Array[];
}

export function buildBins(X: Float32Array, n: number, featureCount: number, maxBins: number): Bins {
  const codes = new Uint8Array(n * featureCount);
  const edges: Float32Array[] = [];
  const column = new Float32Array(n);
  for (let f = 0; f < featureCount; f++) {
    for (let i = 0; i < n; i++) column[i] = X[i * featureCount + f]!;
    const e = quantileEdges(Float32Array.from(column).sort(), maxBins);
    edges.push(e);
    for (let i = 0; i < n; i++) codes[f * n + i] = binOf(e, column[i]!);
  }
  return { codes, edges };
}

/** Distinct cut values at (roughly) equal-count quantiles, excluding the maximum. */
function quantileEdges(sorted: Float32Array, maxBins: number): Float32Array {
  const distinct: number[] = [];
  const counts: number[] = [];
  for (const v of sorted) {
    if (distinct.length && distinct[distinct.length - 1] === v) counts[counts.length - 1]!++;
    else {
      distinct.push(v);
      counts.push(1);
    }
  }
  if (distinct.length <= maxBins) return Float32Array.from(distinct.slice(0, -1));
  const out: number[] = [];
  const step = sorted.length / maxBins;
  let seen = 0;
  let next = step;
  for (let k = 0; k < distinct.length - 1; k++) {
    seen += counts[k]!;
    if (seen >= next) {
      out.push(distinct[k]!);
      while (next <= seen) next += step;
    }
  }
  return Float32Array.from(out);
}

/** Smallest b with x <= edges[b]; edges.length when x is above every edge. */
export function binOf(edges: Float32Array, x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x <= edges[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
