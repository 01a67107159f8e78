import type { GbdtModel, Tree } from './gbdt.types.js';

function leaf(tree: Tree, x: Float32Array, offset: number): number {
  let k = 0;
  for (;;) {
    const node = tree[k]!;
    if (node.feature < 0) return node.value;
    k = x[offset + node.feature]! <= node.threshold ? node.left : node.right;
  }
}

/** Log-odds of one row starting at `offset` in a row-major matrix. */
export function predictRaw(model: GbdtModel, x: Float32Array, offset = 0): number {
  let z = model.baseScore;
  for (const tree of model.trees) z += leaf(tree, x, offset);
  return z;
}

/** Probabilities of non-compliance for `n` rows of a row-major matrix. */
export function predictProba(model: GbdtModel, X: Float32Array): Float64Array {
  const F = model.featureNames.length;
  const n = X.length / F;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-predictRaw(model, X, i * F)));
  return out;
}
