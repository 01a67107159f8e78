import { FEATURE_COUNT } from '../features/feature-names.js';
import { WeeklyFeatures } from '../features/weekly-features.js';
import type { PreparedData } from './prepared-data.js';
import type { Strategy } from './strategy.js';

/** Training data handed to a learner: revealed rows of earlier weeks with the features they had. */
export interface TrainingSet {
  readonly X: Float32Array;
  readonly y: Uint8Array;
  /** Weeks between each row's week and the week being scored (≥ 1). */
  readonly age: Float32Array;
  readonly featureCount: number;
}

/** Fits on the training set and scores the week's rows (row-major, FEATURE_COUNT columns). */
export type Learner = (train: TrainingSet, X: Float32Array) => Promise<Float64Array>;

/** A strategy that scores with a model trained each week on every label revealed so far. */
export function learnedStrategy(name: string, data: PreparedData, learn: Learner): Strategy {
  const features = new WeeklyFeatures(data.rows, data.day, data.week);
  const revealed: number[] = [];
  const labels: number[] = [];
  return {
    name,
    async scoreWeek(t, indices, warmup) {
      features.buildWeek(t, indices);
      if (warmup) return null;
      const age = Float32Array.from(revealed, (i) => t - data.week[i]!);
      const train: TrainingSet = { X: features.gather(revealed), y: Uint8Array.from(labels), age, featureCount: FEATURE_COUNT };
      return learn(train, features.gather(indices));
    },
    reveal(_t, indices, ls) {
      features.reveal(indices, ls);
      indices.forEach((i, k) => {
        revealed.push(i);
        labels.push(ls[k] ? 1 : 0);
      });
    },
  };
}
