import { describe, expect, it } from 'vitest';
import type { ModelPointers } from '@tareks/schemas';
import { judgeShadow } from '../../src/models/auto-promotion.js';
import { auc, precisionAt } from '../../src/models/model.metrics.js';
import type { TrainingRow } from '../../src/outcomes/training.store.js';

const p: ModelPointers = { active: 'm-20260101000000-aaaaaa', shadow: 'm-20260102000000-bbbbbb', previous: null, changedAt: new Date(0).toISOString() };
const row = (i: number, label: 0 | 1, score: number, shadowScore: number, shadowVersion = p.shadow!): TrainingRow => ({
  key: `k${i}`, inspectedAt: new Date(i).toISOString(), features: [], label, score, modelVersion: p.active!, shadowScore, shadowVersion,
});

describe('metrics and the shadow verdict', () => {
  it('AUC and precision at capacity', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(auc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(auc([0.2, 0.3], [0, 0])).toBe(0.5);
    expect(precisionAt([0.9, 0.1, 0.8, 0.2], [1, 0, 0, 0], 0.5)).toBe(0.5);
    expect(precisionAt([], [], 0.1)).toBe(0);
  });

  it('compares champion and shadow on the same items at the capacity, only for the current pair', () => {
    // The shadow ranks the two non-compliant items first; the champion ranks them last.
    const rows = [row(1, 1, 0.1, 0.9), row(2, 1, 0.2, 0.8), row(3, 0, 0.9, 0.1), row(4, 0, 0.8, 0.2), row(5, 1, 0.99, 0.99, 'm-20250101000000-cccccc')];
    const v = judgeShadow(rows, p, 0.5, 0.02);
    expect(v).toEqual({ rows: 4, champion: 0, challenger: 1, challengerWins: true });
    expect(judgeShadow(rows, p, 0.5, 1).challengerWins).toBe(false);
  });
});
