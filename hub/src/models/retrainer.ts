import type { Logger } from 'pino';
import { FEATURE_NAMES, type GbdtParams } from '@tareks/scoring';
import type { ModelInfo } from '@tareks/schemas';
import type { TrainingRow, TrainingStore } from '../outcomes/training.store.js';
import { judgeShadow, type ShadowVerdict } from './auto-promotion.js';
import type { LeaderLease } from './leader-lease.js';
import type { ModelAdmin } from './model.admin.js';
import type { ModelRegistry } from './model.registry.js';
import { trainAndMeasure } from './model.training.js';

export interface RetrainerOptions {
  readonly registry: ModelRegistry;
  readonly training: Pick<TrainingStore, 'rows'>;
  /**
   * Leader election among the `learning` processes: a run starts only while this process holds the lease and installs
   * its result only if it still does afterwards. Absent: this process is the only retrainer.
   */
  readonly lease?: Pick<LeaderLease, 'hold'>;
  /** Promotes a winning shadow (audited, actor `system:auto-promotion`). */
  readonly admin: ModelAdmin;
  readonly logger: Logger;
  /** Run every this many ms; default 6 h. */
  readonly everyMs?: number;
  /** Also run after this many newly counted outcomes; default 500. */
  readonly afterOutcomes?: number;
  /** Labelled rows needed to train a challenger; default 300. */
  readonly minRows?: number;
  /** Share of items the lanes inspect (RED + YELLOW): the capacity the models are compared at; default 0.10. */
  readonly capacityShare?: number;
  /** Promote automatically when the shadow beats the champion; default true. */
  readonly autoPromote?: boolean;
  /** Paired items needed before the shadow is judged; default 200. */
  readonly minShadowRows?: number;
  /** Hit-rate lead the challenger needs; default 0.02. */
  readonly margin?: number;
  readonly params?: Partial<GbdtParams>;
}

export type RetrainStep =
  | { readonly kind: 'follower' }
  | { readonly kind: 'waiting'; readonly rows: number; readonly verdict?: ShadowVerdict }
  | { readonly kind: 'promoted'; readonly version: string; readonly verdict: ShadowVerdict }
  | { readonly kind: 'challenger'; readonly info: ModelInfo };

/**
 * The learning loop's clock: judges the shadow once enough inspected items carry both scores (promotes a winner,
 * replaces a loser) and otherwise trains a new challenger from the training store and installs it as the shadow.
 * Runs on a schedule and after N outcomes, one run at a time; among several `learning` processes only the holder of
 * the lease runs (the others answer `follower`).
 */
export class Retrainer {
  private timer: NodeJS.Timeout | null = null;
  private counted = 0;
  private running: Promise<RetrainStep> | null = null;

  constructor(private readonly o: RetrainerOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.trigger(), this.o.everyMs ?? 6 * 3_600_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Counts one outcome; every `afterOutcomes` of them starts a run. */
  noteOutcome(): void {
    if (++this.counted >= (this.o.afterOutcomes ?? 500)) {
      this.counted = 0;
      void this.trigger();
    }
  }

  /** One run now (or the one already under way). */
  trigger(): Promise<RetrainStep> {
    this.running ??= this.step()
      .catch((err: unknown) => {
        this.o.logger.error({ err }, 'retraining failed');
        throw err;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  private async step(): Promise<RetrainStep> {
    if (!(await this.leads())) return { kind: 'follower' };
    const share = this.o.capacityShare ?? 0.1;
    const pointers = await this.o.registry.pointers();
    const rows = (await this.o.training.rows()).filter((r) => r.features.length === FEATURE_NAMES.length);
    if (pointers.shadow && pointers.active) {
      const verdict = judgeShadow(rows, pointers, share, this.o.margin ?? 0.02);
      if (verdict.rows < (this.o.minShadowRows ?? 200)) return { kind: 'waiting', rows: rows.length, verdict };
      if (verdict.challengerWins && (this.o.autoPromote ?? true)) {
        if (!(await this.leads())) return { kind: 'follower' };
        await this.o.admin.promote(pointers.shadow, { kind: 'system', id: 'auto-promotion' }, `shadow precision ${verdict.challenger.toFixed(3)} > champion ${verdict.champion.toFixed(3)} on ${verdict.rows} items`);
        return { kind: 'promoted', version: pointers.shadow, verdict };
      }
    }
    if (rows.length < (this.o.minRows ?? 300)) return { kind: 'waiting', rows: rows.length };
    const info = await this.trainChallenger(rows, share);
    return info ? { kind: 'challenger', info } : { kind: 'follower' };
  }

  private async leads(): Promise<boolean> {
    return this.o.lease ? this.o.lease.hold() : true;
  }

  /** Trains and installs a challenger; null when the lease was lost while training (the new leader's run counts). */
  private async trainChallenger(rows: readonly TrainingRow[], share: number): Promise<ModelInfo | null> {
    const F = FEATURE_NAMES.length;
    const X = new Float32Array(rows.length * F);
    rows.forEach((r, i) => X.set(r.features, i * F));
    const y = Uint8Array.from(rows, (r) => r.label);
    const { model, metrics } = trainAndMeasure({ X, y, featureNames: FEATURE_NAMES }, share, this.o.params);
    // Training blocks this process: renew (or find the lease taken over) before anything is installed.
    if (!(await this.leads())) {
      this.o.logger.warn({ rows: rows.length }, 'retraining lease lost while training: result discarded');
      return null;
    }
    const info = await this.o.registry.save(model, {
      source: 'retrain',
      trainingWindow: { from: rows[0]!.inspectedAt, to: rows[rows.length - 1]!.inspectedAt, rows: rows.length },
      metrics,
    });
    await this.o.registry.updatePointers((p) => ({ ...p, shadow: info.version }));
    this.o.logger.info({ version: info.version, metrics }, 'challenger trained: now in shadow');
    return info;
  }
}
