import { FEATURE_NAMES } from '../features/feature-names.js';
import { trainGbdt } from '../model/gbdt-trainer.js';
import { predictProba } from '../model/gbdt-predict.js';
import type { GbdtParams } from '../model/gbdt.types.js';
import type { Learner } from './learned-strategy.js';

export interface GbdtLearnerOptions {
  readonly params?: Partial<GbdtParams>;
  /** Half-life of a training row's weight, in weeks (recent outcomes count more after a drift); default 12. */
  readonly halfLifeWeeks?: number;
}

/** The evaluation's model parameters (chosen on seed 1, checked on other seeds). */
export const EVALUATION_GBDT_PARAMS: Partial<GbdtParams> = {
  rounds: 200,
  learningRate: 0.05,
  maxDepth: 4,
  minChildWeight: 2,
  subsample: 0.8,
  colsample: 0.8,
};

/** Our TypeScript GBDT as a weekly learner, with recency-weighted rows. */
export function gbdtLearner(o: GbdtLearnerOptions = {}): Learner {
  const decay = Math.pow(0.5, 1 / (o.halfLifeWeeks ?? 12));
  return async (train, X) => {
    const weights = Float32Array.from(train.age, (a) => Math.pow(decay, a - 1));
    const model = trainGbdt({ X: train.X, y: train.y, weights, featureNames: FEATURE_NAMES, params: { ...EVALUATION_GBDT_PARAMS, ...o.params } });
    return predictProba(model, X);
  };
}
