import { afterAll, describe, expect, it } from 'vitest';
import { contributions, exportOnnx, OnnxScorer, predictProba, predictRaw, trainGbdt, Rng } from '@tareks/scoring';

/** A small problem with interactions, ties and repeated values, like the real features. */
function dataset(n: number, seed: number): { X: Float32Array; y: Uint8Array; names: string[] } {
  const rng = new Rng(seed);
  const F = 8;
  const X = new Float32Array(n * F);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row = [rng.float(), rng.normal(), rng.int(0, 5), rng.bool(0.3) ? 1 : 0, rng.float() * 100, Math.round(rng.normal() * 10) / 10, rng.int(-1, 1), rng.logNormal(10, 1)];
    row.forEach((v, f) => (X[i * F + f] = v));
    const z = -2 + 2.5 * row[0]! * row[3]! + 0.6 * row[1]! + (row[2]! > 3 ? 1 : 0) - 0.01 * row[4]!;
    y[i] = rng.bool(1 / (1 + Math.exp(-z))) ? 1 : 0;
  }
  return { X, y, names: Array.from({ length: F }, (_, f) => `f${f}`) };
}

describe('GBDT trainer and its ONNX export', () => {
  const train = dataset(4000, 1);
  const model = trainGbdt({ X: train.X, y: train.y, featureNames: train.names, params: { rounds: 120, maxDepth: 5, positiveWeight: 'balanced' } });
  const test = dataset(3000, 2);
  let scorer: OnnxScorer | undefined;
  afterAll(async () => scorer?.close());

  it('onnxruntime-node gives the trainer’s own probabilities to 1e-5 on 3,000 rows', async () => {
    scorer = await OnnxScorer.load(exportOnnx(model, 'test'), train.names.length);
    const onnx = await scorer.scoreBatch(test.X);
    const own = predictProba(model, test.X);
    let worst = 0;
    for (let i = 0; i < own.length; i++) worst = Math.max(worst, Math.abs(onnx[i]! - own[i]!));
    expect(onnx.length).toBe(3000);
    expect(worst).toBeLessThan(1e-5);
    expect(Math.abs((await scorer.scoreOne(test.X.subarray(0, 8))) - own[0]!)).toBeLessThan(1e-5);
  });

  it('learns the signal (better than chance on held-out rows)', () => {
    const p = predictProba(model, test.X);
    let concordant = 0;
    let pairs = 0;
    for (let i = 0; i < 600; i++) for (let j = 0; j < 600; j++) {
      if (test.y[i] === 1 && test.y[j] === 0) {
        pairs++;
        concordant += p[i]! > p[j]! ? 1 : p[i] === p[j] ? 0.5 : 0;
      }
    }
    expect(concordant / pairs).toBeGreaterThan(0.7);
  });

  it('path contributions add up to the log-odds', () => {
    for (let i = 0; i < 50; i++) {
      const { bias, byFeature } = contributions(model, test.X, i * 8);
      expect(bias + byFeature.reduce((a, b) => a + b, 0)).toBeCloseTo(predictRaw(model, test.X, i * 8), 9);
    }
  });
});
