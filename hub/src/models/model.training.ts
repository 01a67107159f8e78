import { EVALUATION_GBDT_PARAMS, predictProba, trainGbdt, type GbdtModel, type GbdtParams } from '@tareks/scoring';
import type { ModelMetrics } from '@tareks/schemas';
import { measure } from './model.metrics.js';

export interface LabelledMatrix {
  /** Row-major, `y.length × featureNames.length`, in time order. */
  readonly X: Float32Array;
  readonly y: Uint8Array;
  readonly featureNames: readonly string[];
}

/** Share of the latest rows held out to measure a new model. */
const HOLDOUT_SHARE = 0.2;

/** Trains on the older rows and measures on the latest ones (time split, as the model will meet the future). */
export function trainAndMeasure(data: LabelledMatrix, capacityShare: number, params: Partial<GbdtParams> = {}): { model: GbdtModel; metrics: ModelMetrics } {
  const F = data.featureNames.length;
  const n = data.y.length;
  const cut = Math.max(1, Math.floor(n * (1 - HOLDOUT_SHARE)));
  const model = trainGbdt({
    X: data.X.subarray(0, cut * F),
    y: data.y.subarray(0, cut),
    featureNames: data.featureNames,
    params: { ...EVALUATION_GBDT_PARAMS, ...params },
  });
  const test = cut < n ? { X: data.X.subarray(cut * F), y: data.y.subarray(cut) } : { X: data.X, y: data.y };
  return { model, metrics: measure(predictProba(model, test.X), test.y, capacityShare) };
}
