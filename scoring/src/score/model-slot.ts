import type { GbdtModel } from '../model/gbdt.types.js';
import { OnnxScorer } from '../model/onnx-scorer.js';

/** One model ready to serve: the ONNX session scores, the tree ensemble explains. */
export interface ServedModel {
  readonly version: string;
  readonly scorer: OnnxScorer;
  readonly gbdt: GbdtModel;
}

/** The champion (acts) and the shadow challenger (scored, recorded, never acted on). */
export interface ModelPair {
  readonly champion: ServedModel | null;
  readonly shadow: ServedModel | null;
}

export interface ModelLease {
  readonly pair: ModelPair;
  release(): void;
}

/** Loads a served model from its ONNX bytes and its tree ensemble (JSON as stored beside it). */
export async function loadServedModel(version: string, onnx: Uint8Array, gbdt: GbdtModel): Promise<ServedModel> {
  return { version, scorer: await OnnxScorer.load(onnx, gbdt.featureNames.length), gbdt };
}

/**
 * Hot swap of the models a score worker uses. A job leases the pair it starts with and keeps it to the end, so a swap
 * never changes models in the middle of a declaration; a replaced session is released once its last lease ends.
 */
export class ModelSlot {
  private pair: ModelPair = { champion: null, shadow: null };
  private readonly leases = new Map<ServedModel, number>();
  private readonly retired = new Set<ServedModel>();

  get current(): ModelPair {
    return this.pair;
  }

  acquire(): ModelLease {
    const pair = this.pair;
    const held = [pair.champion, pair.shadow].filter((m): m is ServedModel => m !== null);
    for (const m of held) this.leases.set(m, (this.leases.get(m) ?? 0) + 1);
    let released = false;
    return {
      pair,
      release: () => {
        if (released) return;
        released = true;
        for (const m of held) {
          const n = (this.leases.get(m) ?? 1) - 1;
          if (n > 0) this.leases.set(m, n);
          else {
            this.leases.delete(m);
            if (this.retired.delete(m)) void m.scorer.close();
          }
        }
      },
    };
  }

  /** Installs a new pair; models no longer used are closed now or when their last job ends. */
  swap(next: ModelPair): void {
    const old = this.pair;
    this.pair = next;
    for (const m of [old.champion, old.shadow]) {
      if (!m || m === next.champion || m === next.shadow) continue;
      if (this.leases.has(m)) this.retired.add(m);
      else void m.scorer.close();
    }
  }

  async close(): Promise<void> {
    this.swap({ champion: null, shadow: null });
  }
}
