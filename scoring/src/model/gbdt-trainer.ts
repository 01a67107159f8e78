import { Rng } from '../world/rng.js';
import { buildBins, type Bins } from './binning.js';
import { DEFAULT_GBDT_PARAMS, type GbdtModel, type GbdtParams, type Tree, type TreeNode } from './gbdt.types.js';

export interface TrainInput {
  /** Row-major features, `n × featureNames.length`, float32 as served. */
  readonly X: Float32Array;
  /** 1 non-compliant, 0 compliant. */
  readonly y: Uint8Array;
  readonly featureNames: readonly string[];
  /** Optional weight per row (e.g. recency); default 1. */
  readonly weights?: Float32Array;
  readonly params?: Partial<GbdtParams>;
}

interface Grow {
  rows: Int32Array;
  depth: number;
  node: number;
  hist: Float64Array;
  G: number;
  H: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Histogram-based gradient boosting with logistic loss (second-order splits, as in XGBoost/LightGBM). */
export function trainGbdt(input: TrainInput): GbdtModel {
  const p: GbdtParams = { ...DEFAULT_GBDT_PARAMS, ...input.params };
  const F = input.featureNames.length;
  const n = input.y.length;
  if (n === 0 || input.X.length !== n * F) throw new RangeError(`expected ${n} × ${F} features, got ${input.X.length} values`);
  const rng = new Rng(p.seed);
  const bins = buildBins(input.X, n, F, Math.min(256, p.maxBins));
  const positives = input.y.reduce((a, b) => a + b, 0);
  const posWeight = p.positiveWeight === 'balanced' ? (n - positives) / Math.max(1, positives) : p.positiveWeight;
  const w = new Float64Array(n);
  let sw = 0;
  let swPos = 0;
  for (let i = 0; i < n; i++) {
    w[i] = (input.weights?.[i] ?? 1) * (input.y[i] ? posWeight : 1);
    sw += w[i]!;
    if (input.y[i]) swPos += w[i]!;
  }
  const prior = Math.min(1 - 1e-6, Math.max(1e-6, swPos / sw));
  const baseScore = Math.log(prior / (1 - prior));
  const raw = new Float64Array(n).fill(baseScore);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: Tree[] = [];
  for (let round = 0; round < p.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const q = sigmoid(raw[i]!);
      g[i] = w[i]! * (q - input.y[i]!);
      h[i] = w[i]! * Math.max(q * (1 - q), 1e-6);
    }
    const sampled = new Int32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) if (p.subsample >= 1 || rng.float() < p.subsample) sampled[m++] = i;
    const features = rng.shuffle(Array.from({ length: F }, (_, f) => f)).slice(0, Math.max(1, Math.round(F * p.colsample)));
    const tree = growTree(bins, n, F, sampled.subarray(0, m), features, g, h, p);
    trees.push(tree);
    for (let i = 0; i < n; i++) raw[i]! += leafByBins(tree, bins, n, i);
  }
  return { featureNames: [...input.featureNames], baseScore, trees, params: p };
}

function growTree(bins: Bins, n: number, F: number, rows: Int32Array, features: readonly number[], g: Float64Array, h: Float64Array, p: GbdtParams): Tree {
  // Histogram slots per feature: every bin index buildBins can give (edges.length ≤ maxBins - 1, plus the top bin).
  const B = Math.min(256, p.maxBins) + 1;
  const nodes: { feature: number; threshold: number; left: number; right: number; value: number; cover: number }[] = [];
  const histOf = (r: Int32Array): Float64Array => {
    const hist = new Float64Array(F * B * 2);
    for (const f of features) {
      const col = bins.codes.subarray(f * n, (f + 1) * n);
      const base = f * B * 2;
      for (let k = 0; k < r.length; k++) {
        const i = r[k]!;
        const j = base + col[i]! * 2;
        hist[j]! += g[i]!;
        hist[j + 1]! += h[i]!;
      }
    }
    return hist;
  };
  let G = 0;
  let H = 0;
  for (const i of rows) {
    G += g[i]!;
    H += h[i]!;
  }
  nodes.push({ feature: -1, threshold: 0, left: -1, right: -1, value: 0, cover: H });
  const queue: Grow[] = [{ rows, depth: 0, node: 0, hist: histOf(rows), G, H }];
  while (queue.length) {
    const c = queue.shift()!;
    const leafValue = (-c.G / (c.H + p.lambda)) * p.learningRate;
    nodes[c.node]!.value = leafValue;
    if (c.depth >= p.maxDepth || c.rows.length < 2) continue;
    const parentScore = (c.G * c.G) / (c.H + p.lambda);
    let best = { gain: p.gamma, f: -1, b: -1, GL: 0, HL: 0 };
    for (const f of features) {
      const edges = bins.edges[f]!;
      let GL = 0;
      let HL = 0;
      for (let b = 0; b < edges.length; b++) {
        const j = (f * B + b) * 2;
        GL += c.hist[j]!;
        HL += c.hist[j + 1]!;
        const HR = c.H - HL;
        if (HL < p.minChildWeight) continue;
        if (HR < p.minChildWeight) break;
        const GR = c.G - GL;
        const gain = (GL * GL) / (HL + p.lambda) + (GR * GR) / (HR + p.lambda) - parentScore;
        if (gain > best.gain) best = { gain, f, b, GL, HL };
      }
    }
    if (best.f < 0) continue;
    const col = bins.codes.subarray(best.f * n, (best.f + 1) * n);
    const parts = new Int32Array(c.rows.length);
    let nl = 0;
    let nr = c.rows.length;
    for (const i of c.rows) {
      if (col[i]! <= best.b) parts[nl++] = i;
      else parts[--nr] = i;
    }
    const L = parts.subarray(0, nl);
    const R = parts.subarray(nl).reverse();
    const small = L.length <= R.length ? L : R;
    const smallHist = histOf(small);
    const largeHist = c.hist;
    for (let j = 0; j < largeHist.length; j++) largeHist[j]! -= smallHist[j]!;
    const [histL, histR] = small === L ? [smallHist, largeHist] : [largeHist, smallHist];
    const li = nodes.length;
    const ri = li + 1;
    nodes.push({ feature: -1, threshold: 0, left: -1, right: -1, value: 0, cover: best.HL });
    nodes.push({ feature: -1, threshold: 0, left: -1, right: -1, value: 0, cover: c.H - best.HL });
    Object.assign(nodes[c.node]!, { feature: best.f, threshold: bins.edges[best.f]![best.b]!, left: li, right: ri });
    queue.push({ rows: L, depth: c.depth + 1, node: li, hist: histL, G: best.GL, H: best.HL });
    queue.push({ rows: R, depth: c.depth + 1, node: ri, hist: histR, G: c.G - best.GL, H: c.H - best.HL });
  }
  meanValues(nodes, 0);
  return nodes as TreeNode[];
}

/** Sets each inner node's value to the cover-weighted mean of its leaves. */
function meanValues(nodes: { feature: number; left: number; right: number; value: number; cover: number }[], k: number): number {
  const node = nodes[k]!;
  if (node.feature < 0) return node.value;
  const l = meanValues(nodes, node.left);
  const r = meanValues(nodes, node.right);
  const cl = nodes[node.left]!.cover;
  const cr = nodes[node.right]!.cover;
  node.value = cl + cr > 0 ? (l * cl + r * cr) / (cl + cr) : 0;
  return node.value;
}

function leafByBins(tree: Tree, bins: Bins, n: number, i: number): number {
  let k = 0;
  for (;;) {
    const node = tree[k]!;
    if (node.feature < 0) return node.value;
    const b = bins.codes[node.feature * n + i]!;
    const edges = bins.edges[node.feature]!;
    k = b < edges.length && edges[b]! <= node.threshold ? node.left : node.right;
  }
}
