import type { ModelPointers } from '@tareks/schemas';
import type { TrainingRow } from '../outcomes/training.store.js';
import { precisionAt } from './model.metrics.js';

export interface ShadowVerdict {
  /** Labelled items scored by both the current champion and the current shadow. */
  readonly rows: number;
  readonly champion: number;
  readonly challenger: number;
  readonly challengerWins: boolean;
}

/**
 * Compares champion and shadow on the same inspected items at the current capacity: the hit rate of each one's top
 * `capacityShare` of those items. The challenger wins only by more than `margin`.
 */
export function judgeShadow(rows: readonly TrainingRow[], p: ModelPointers, capacityShare: number, margin: number): ShadowVerdict {
  const paired = rows.filter((r) => r.modelVersion === p.active && r.shadowVersion === p.shadow && r.shadowScore !== undefined);
  const labels = paired.map((r) => r.label);
  const champion = precisionAt(paired.map((r) => r.score), labels, capacityShare);
  const challenger = precisionAt(paired.map((r) => r.shadowScore!), labels, capacityShare);
  return { rows: paired.length, champion, challenger, challengerWins: challenger > champion + margin };
}
