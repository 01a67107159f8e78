import type { GbdtModel } from './gbdt.types.js';

/**
 * Path-based contributions (Saabas): walking each tree, the change of the node mean at a split is
 * credited to the split's feature. `bias + Σ contributions` equals the row's log-odds.
 */
export function contributions(model: GbdtModel, x: Float32Array, offset = 0): { bias: number; byFeature: Float64Array } {
  const byFeature = new Float64Array(model.featureNames.length);
  let bias = model.baseScore;
  for (const tree of model.trees) {
    let k = 0;
    bias += tree[0]!.value;
    for (;;) {
      const node = tree[k]!;
      if (node.feature < 0) break;
      const next = x[offset + node.feature]! <= node.threshold ? node.left : node.right;
      byFeature[node.feature]! += tree[next]!.value - node.value;
      k = next;
    }
  }
  return { bias, byFeature };
}
