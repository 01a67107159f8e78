/** One node of a regression tree; a leaf has `feature === -1`. */
export interface TreeNode {
  /** Split feature, or -1 for a leaf. */
  readonly feature: number;
  /** Rows with `x[feature] <= threshold` (float32) go left. */
  readonly threshold: number;
  readonly left: number;
  readonly right: number;
  /** Leaf: its output (log-odds). Inner node: the cover-weighted mean of its leaves (for contributions). */
  readonly value: number;
  /** Sum of hessians of the training rows that reached the node. */
  readonly cover: number;
}

export type Tree = readonly TreeNode[];

/** A trained gradient-boosted ensemble for binary classification (logistic loss). */
export interface GbdtModel {
  readonly featureNames: readonly string[];
  /** Initial log-odds. */
  readonly baseScore: number;
  readonly trees: readonly Tree[];
  readonly params: GbdtParams;
}

export interface GbdtParams {
  /** Boosting rounds (trees); default 300. */
  readonly rounds: number;
  /** Shrinkage applied to each tree; default 0.05. */
  readonly learningRate: number;
  /** Maximum tree depth; default 5. */
  readonly maxDepth: number;
  /** Minimum hessian sum in a child; default 2. */
  readonly minChildWeight: number;
  /** L2 regularisation on leaf values; default 1. */
  readonly lambda: number;
  /** Minimum gain to split; default 0. */
  readonly gamma: number;
  /** Histogram bins per feature (≤ 256); default 64. */
  readonly maxBins: number;
  /** Share of rows sampled per tree; default 0.8. */
  readonly subsample: number;
  /** Share of features sampled per tree; default 0.8. */
  readonly colsample: number;
  /** Weight of a positive row, or 'balanced' (negatives / positives); default 1. */
  readonly positiveWeight: number | 'balanced';
  readonly seed: number;
}

export const DEFAULT_GBDT_PARAMS: GbdtParams = {
  rounds: 300,
  learningRate: 0.05,
  maxDepth: 5,
  minChildWeight: 2,
  lambda: 1,
  gamma: 0,
  maxBins: 64,
  subsample: 0.8,
  colsample: 0.8,
  positiveWeight: 1,
  seed: 1,
};
