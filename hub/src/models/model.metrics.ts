import type { ModelMetrics } from '@tareks/schemas';

/** Hit rate among the top `share` of rows by score (at least one row). */
export function precisionAt(scores: ArrayLike<number>, labels: ArrayLike<number>, share: number): number {
  const n = scores.length;
  if (n === 0) return 0;
  const k = Math.max(1, Math.ceil(share * n));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let hits = 0;
  for (let r = 0; r < k; r++) hits += labels[order[r]!]!;
  return hits / k;
}

/** Area under the ROC curve by the rank-sum rule (ties share their ranks); 0.5 when one class is missing. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (!labels[order[k]!]) continue;
      pos++;
      rankSum += rank;
    }
    i = j + 1;
  }
  const neg = n - pos;
  return pos === 0 || neg === 0 ? 0.5 : (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function measure(scores: ArrayLike<number>, labels: ArrayLike<number>, capacityShare: number): ModelMetrics {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i]!;
  return { rows: scores.length, positives, auc: auc(scores, labels), precisionAtCapacity: precisionAt(scores, labels, capacityShare) };
}
