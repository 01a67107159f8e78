import { randomUUID } from 'node:crypto';
import { RetentionPolicy, StorageType, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { Kvm, type KV } from '@nats-io/kv';
import type { Logger } from 'pino';
import { CapacityRouter, LiveVectors, ModelSlot, USD_PER_UNIT, type LanePolicy, type LearnedScoring, type WatchList } from '@tareks/scoring';
import type { Names } from '@tareks/schemas';
import type { AuditLog } from '../audit/audit.log.js';
import { followWatchList } from '../watchlist/watch-list.follower.js';
import { LabelHistoryStore, type LabelHistoryStoreOptions } from '../history/label-history.store.js';
import { OutcomeProjector } from '../outcomes/outcome.projector.js';
import { TrainingStore } from '../outcomes/training.store.js';
import { followCapacities } from './capacity.settings.js';
import { ModelAdmin } from './model.admin.js';
import { ModelRegistry } from './model.registry.js';
import { startModelWatcher, type ModelWatcher } from './model.watcher.js';
import { LeaderLease } from './leader-lease.js';
import { Retrainer, type RetrainerOptions } from './retrainer.js';

const DAY_NS = 24 * 60 * 60 * 1e9;

export interface NatsParts {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
}

export interface Learning {
  readonly registry: ModelRegistry;
  /** Outcomes KV: the first recorded result of each item. */
  readonly recorded: KV;
  /** Watch-list KV (admin API writes, score workers follow). */
  readonly watchList: KV;
  /** Label-history tallies (outcome projector writes, score workers' live features read). */
  readonly labelHistory: KV;
}

/** Creates what the learning loop keeps: the scores stream, the outcomes KV, the models bucket and settings KV. */
export async function openLearning(nats: NatsParts, names: Names): Promise<Learning> {
  const scores = { name: names.streams.scores, subjects: [names.subjects.scoredAll], storage: StorageType.File, retention: RetentionPolicy.Limits, num_replicas: 1, duplicate_window: 2 * 60 * 1e9, max_age: 365 * DAY_NS };
  const existing = await nats.jsm.streams.info(scores.name).catch(() => null);
  if (!existing) await nats.jsm.streams.add(scores);
  return {
    registry: await ModelRegistry.open(nats.nc, names),
    recorded: await new Kvm(nats.nc).create(names.kv.outcomes, { history: 1 }),
    watchList: await new Kvm(nats.nc).create(names.kv.watchList, { history: 5 }),
    labelHistory: await new Kvm(nats.nc).create(names.kv.labelHistory, { history: 1 }),
  };
}

export interface ScoreWorkerLearning {
  /** Pass as `learned` to `createScoreWorker`. */
  readonly learned: LearnedScoring;
  readonly watcher: ModelWatcher;
  readonly router: CapacityRouter;
  /** Stops following models and capacities (after the worker has closed). */
  stop(): Promise<void>;
}

/**
 * The score-worker side: a model slot kept on the KV pointers, a lane router kept on the capacity setting, the watch
 * list kept on its bucket (unless `o.watchList` replaces it), live vectors, scored-record publishing.
 */
export async function scoreWorkerLearning(
  nats: NatsParts,
  names: Names,
  learning: Learning,
  logger: Logger,
  o: { readonly lanes?: Partial<LanePolicy>; readonly random?: () => number; watchList?(): WatchList; readonly history?: LabelHistoryStoreOptions } = {},
): Promise<ScoreWorkerLearning> {
  const models = new ModelSlot();
  const watcher = await startModelWatcher(learning.registry, models, logger);
  await watcher.ready;
  const router = new CapacityRouter(o.lanes, o.random);
  const unfollow = await followCapacities(learning.registry.settings, router, logger);
  const watched = o.watchList ? null : await followWatchList(learning.watchList, logger);
  return {
    watcher,
    router,
    async stop() {
      await watched?.stop();
      await unfollow();
      await watcher.stop();
    },
    learned: {
      models,
      router,
      vectors: new LiveVectors(USD_PER_UNIT, new LabelHistoryStore(learning.labelHistory, o.history)),
      watchList: o.watchList ?? watched!.current,
      publishScored: async (s) => {
        await nats.js.publish(names.subjects.scored(s.declarationId, s.version), JSON.stringify(s), { msgID: `${s.declarationId}:${s.version}` });
      },
    },
  };
}

/** KV key (settings bucket) of the retraining lease. */
export const RETRAIN_LEASE_KEY = 'learning.retrainer.lease';

export interface LearningLoop {
  readonly projector: OutcomeProjector;
  readonly retrainer: Retrainer;
  readonly admin: ModelAdmin;
  readonly lease: LeaderLease;
  /** Stops the loop; the lease is handed back unless `release` is false (a crash simulated in tests). */
  stop(o?: { release?: boolean }): Promise<void>;
}

/** The outcome projection (trader history, counting) and the retrainer; run in one process. */
export async function startLearningLoop(
  nats: NatsParts,
  names: Names,
  learning: Learning,
  traders: KV,
  audit: AuditLog,
  logger: Logger,
  o: Omit<RetrainerOptions, 'registry' | 'training' | 'admin' | 'logger' | 'lease'> & {
    readonly schedule?: boolean;
    /** Retraining lease TTL in ms (see LeaderLease); default 120 000, above a training run on 60,000 items. */
    readonly leaseTtlMs?: number;
    /** This process in the lease; default `<pid>-<random>`. */
    readonly holder?: string;
  } = {},
): Promise<LearningLoop> {
  const admin = new ModelAdmin(learning.registry, audit);
  const lease = new LeaderLease({
    kv: learning.registry.settings, key: RETRAIN_LEASE_KEY, holder: o.holder ?? `${process.pid}-${randomUUID().slice(0, 8)}`, ttlMs: o.leaseTtlMs ?? 120_000, logger,
  });
  lease.start();
  const retrainer = new Retrainer({ ...o, registry: learning.registry, training: new TrainingStore(nats.js, nats.jsm, names), admin, logger, lease });
  const projector = new OutcomeProjector({
    js: nats.js, jsm: nats.jsm, names, recorded: learning.recorded, traders, history: new LabelHistoryStore(learning.labelHistory), logger,
    onCounted: () => retrainer.noteOutcome(),
  });
  await projector.start();
  if (o.schedule ?? true) retrainer.start();
  return {
    projector,
    retrainer,
    admin,
    lease,
    async stop(s = {}) {
      await projector.stop();
      await retrainer.stop();
      await lease.stop({ release: s.release ?? true });
    },
  };
}
