import { it } from 'vitest';
import { trainGbdt, Rng } from '@tareks/scoring';
it('timing', () => {
  const rng = new Rng(1); const n = 10000, F = 38;
  const X = new Float32Array(n * F).map(() => Math.round(rng.float() * 1000) / 10); const y = Uint8Array.from({ length: n }, () => (rng.bool(0.2) ? 1 : 0));
  for (let k = 0; k < 2; k++) {
  const t = performance.now();
  trainGbdt({ X, y, featureNames: Array.from({ length: F }, (_, i) => `f${i}`), params: { rounds: 200, maxDepth: 4 } });
  console.log('train ms', performance.now() - t);
  }
});
