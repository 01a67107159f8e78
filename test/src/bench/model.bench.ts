import * as ort from 'onnxruntime-node';
import {
  exportOnnx, FEATURE_COUNT, FEATURE_NAMES, generateDataset, EVALUATION_GBDT_PARAMS, ONNX_INPUT, ONNX_OUTPUT, OnnxScorer, prepareData,
  trainGbdt, WeeklyFeatures,
} from '@tareks/scoring';
import type { BenchRow } from './bench-row.js';
import { quantile, round } from './stats.js';

const GROUP = 'model';
/** Single-row calls timed per path; enough for a stable p99 on a noisy 2-core machine. */
const SINGLE_CALLS = 5000;
const BATCH_ROWS = 1000;
const BATCHES = 60;

/** Every row of a 52-week world with all labels revealed week by week (the training set of a full year). */
function yearOfFeatures(): { X: Float32Array; y: Uint8Array } {
  const data = prepareData([...generateDataset({ seed: 1, weeks: 52 })]);
  const f = new WeeklyFeatures(data.rows, data.day, data.week);
  data.weeks.forEach((idx, t) => {
    f.buildWeek(t, idx);
    f.reveal(idx, idx.map((i) => data.labels[i] === 1));
  });
  return { X: f.matrix, y: data.labels };
}

/** Latencies in µs of two paths, calls interleaved so that machine noise hits both alike. */
async function latencies(a: (row: Float32Array) => Promise<unknown>, b: (row: Float32Array) => Promise<unknown>, X: Float32Array): Promise<[number[], number[]]> {
  const n = X.length / FEATURE_COUNT;
  const rowAt = (i: number): Float32Array => X.subarray((i % n) * FEATURE_COUNT, ((i % n) + 1) * FEATURE_COUNT);
  for (let i = 0; i < 500; i++) {
    await a(rowAt(i));
    await b(rowAt(i));
  }
  const out: [number[], number[]] = [[], []];
  for (let i = 0; i < SINGLE_CALLS; i++) {
    for (const [k, call] of [a, b].entries()) {
      const t = process.hrtime.bigint();
      await call(rowAt(i));
      out[k]!.push(Number(process.hrtime.bigint() - t) / 1000);
    }
  }
  return out;
}

async function rowsPerSecond(call: (batch: Float32Array) => Promise<unknown>, X: Float32Array): Promise<number> {
  const batch = X.subarray(0, BATCH_ROWS * FEATURE_COUNT);
  await call(batch);
  const t = performance.now();
  for (let i = 0; i < BATCHES; i++) await call(batch);
  return (BATCHES * BATCH_ROWS) / ((performance.now() - t) / 1000);
}

/** Training time on a year (≈ 60,000 items) and ONNX scoring through OnnxScorer next to a raw onnxruntime-node session. */
export async function benchModel(): Promise<BenchRow[]> {
  const { X, y } = yearOfFeatures();
  const started = performance.now();
  const model = trainGbdt({ X, y, featureNames: FEATURE_NAMES, params: EVALUATION_GBDT_PARAMS });
  const trainSeconds = (performance.now() - started) / 1000;
  const bytes = exportOnnx(model, 'bench');
  const scorer = await OnnxScorer.load(bytes, FEATURE_COUNT);
  const raw = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, executionProviders: ['cpu'] });
  const rawRun = (m: Float32Array): Promise<unknown> =>
    raw.run({ [ONNX_INPUT]: new ort.Tensor('float32', m, [m.length / FEATURE_COUNT, FEATURE_COUNT]) }).then((o) => o[ONNX_OUTPUT]);
  try {
    const [ours, base] = await latencies((row) => scorer.scoreOne(row), rawRun, X);
    const oursBatch = await rowsPerSecond((m) => scorer.scoreBatch(m), X);
    const baseBatch = await rowsPerSecond(rawRun, X);
    const trees = `${model.trees.length} trees, depth ≤ ${model.params.maxDepth}, ${FEATURE_COUNT} features`;
    return [
      { group: GROUP, name: `train GBDT on ${y.length} items (TypeScript)`, value: round(trainSeconds, 2), unit: 's', notes: trees },
      { group: GROUP, name: 'score one item p50 (OnnxScorer)', value: round(quantile(ours, 0.5)), unit: 'µs', baseline: { name: 'raw onnxruntime-node', value: round(quantile(base, 0.5)) } },
      { group: GROUP, name: 'score one item p99 (OnnxScorer)', value: round(quantile(ours, 0.99)), unit: 'µs', baseline: { name: 'raw onnxruntime-node', value: round(quantile(base, 0.99)) } },
      { group: GROUP, name: `score batches of ${BATCH_ROWS} (OnnxScorer)`, value: Math.round(oursBatch), unit: 'rows/s', baseline: { name: 'raw onnxruntime-node', value: Math.round(baseBatch) } },
    ];
  } finally {
    await scorer.close();
    await raw.release();
  }
}
