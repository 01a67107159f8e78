import * as ort from 'onnxruntime-node';
import { ModelError, MODEL_ERROR_CODES as E } from './model.errors.js';
import { ONNX_INPUT, ONNX_OUTPUT } from './onnx-export.js';

export interface OnnxScorerOptions {
  /** Threads inside one inference; default 1 (better tail latency with several workers per machine). */
  readonly intraOpNumThreads?: number;
}

/** Scores feature rows with an exported model through onnxruntime-node. */
export class OnnxScorer {
  private constructor(
    private readonly session: ort.InferenceSession,
    /** Number of input features the model expects. */
    readonly featureCount: number,
  ) {}

  static async load(model: Uint8Array | string, featureCount: number, o: OnnxScorerOptions = {}): Promise<OnnxScorer> {
    const options: ort.InferenceSession.SessionOptions = {
      intraOpNumThreads: o.intraOpNumThreads ?? 1,
      interOpNumThreads: 1,
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
    };
    try {
      const session = typeof model === 'string' ? await ort.InferenceSession.create(model, options) : await ort.InferenceSession.create(model, options);
      return new OnnxScorer(session, featureCount);
    } catch (cause) {
      throw new ModelError(E.load, `cannot load ONNX model: ${(cause as Error).message}`, false, { cause });
    }
  }

  /** Probabilities for `X.length / featureCount` rows (row-major float32). */
  async scoreBatch(X: Float32Array): Promise<Float32Array> {
    if (X.length === 0 || X.length % this.featureCount !== 0) {
      throw new ModelError(E.shape, `expected a multiple of ${this.featureCount} values, got ${X.length}`);
    }
    const n = X.length / this.featureCount;
    try {
      const out = await this.session.run({ [ONNX_INPUT]: new ort.Tensor('float32', X, [n, this.featureCount]) });
      return out[ONNX_OUTPUT]!.data as Float32Array;
    } catch (cause) {
      throw new ModelError(E.inference, `inference failed: ${(cause as Error).message}`, true, { cause });
    }
  }

  async scoreOne(x: Float32Array): Promise<number> {
    return (await this.scoreBatch(x))[0]!;
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
