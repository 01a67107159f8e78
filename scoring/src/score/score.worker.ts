import { performance } from 'node:perf_hooks';
import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Decision, ScoreJob, ScoredDeclaration } from '@tareks/schemas';
import type { LaneRouter } from '../lanes/lane-router.js';
import type { RuleConfig } from '../rules/rule-config.js';
import type { LiveVectors } from './live-vectors.js';
import { collectDocumentFindings, withDocumentFlags, withDocumentReasons } from './document-inputs.js';
import { decideWithModel, scoredByRules } from './model-decider.js';
import type { ModelSlot } from './model-slot.js';
import { decideWithRules } from './rule-scorer.js';
import type { TraderHistory } from './trader-history.js';
import { EMPTY_WATCH_LIST, type WatchList } from './watch-list.js';

/** What the worker needs to score with the learned model; without it every declaration goes to the rule baseline. */
export interface LearnedScoring {
  /** Champion and shadow, hot-swapped by the model registry watcher. */
  readonly models: ModelSlot;
  readonly router: LaneRouter;
  readonly vectors: LiveVectors;
  /** Read at each job, so it may be replaced while running; default empty. */
  watchList?(): WatchList;
  /**
   * Durable hand-off of the scored items (vectors, champion and shadow scores; rule scores under the rule fallback),
   * awaited before the decision: outcomes join them for training and the trader's history.
   */
  publishScored(scored: ScoredDeclaration): Promise<void>;
}

export interface ScoreWorkerOptions {
  readonly connection: ConnectionOptions;
  /** BullMQ key prefix (the namespace). */
  readonly prefix: string;
  readonly queueName: string;
  /** Jobs processed at once by this worker; scoring is CPU-light and I/O-bound on the publish. Default 50. */
  readonly concurrency?: number;
  readonly history: TraderHistory;
  readonly rules: RuleConfig;
  /** The learned model; when absent, or no champion is active, or inference fails, the rules decide. */
  readonly learned?: LearnedScoring;
  /** Durable hand-off of the decision (JetStream publish); the job completes only after it resolves. */
  publishDecision(decision: Decision, job: ScoreJob): Promise<void>;
  readonly logger: Logger;
}

const DEFAULT_CONCURRENCY = 50;

export function createScoreWorker(opts: ScoreWorkerOptions): Worker<ScoreJob, void> {
  const decide = async (job: ScoreJob, trader: Awaited<ReturnType<TraderHistory['get']>>): Promise<Omit<Decision, 'timings'>> => {
    const learned = opts.learned;
    if (!learned) return decideWithRules(job, trader, opts.rules);
    const lease = learned.models.acquire();
    try {
      const { champion, shadow } = lease.pair;
      const at = new Date();
      const declarationId = job.declaration.id;
      const X = await learned.vectors.of(job.declaration, trader, at);
      const watchList = learned.watchList?.() ?? EMPTY_WATCH_LIST;
      const made = champion
        ? await decideWithModel({
          job, trader, X, at, pair: { champion, shadow }, router: learned.router, rules: opts.rules,
          watchList,
          onShadowError: (err) => opts.logger.warn({ err, declarationId, shadow: shadow?.version }, 'shadow model failed'),
        }).catch((err: unknown) => {
          opts.logger.warn({ err, declarationId, model: champion.version }, 'model inference failed: rule fallback');
          return null;
        })
        : null;
      if (made) {
        await learned.publishScored(made.scored);
        return made.decision;
      }
      const byRules = decideWithRules(job, trader, opts.rules, watchList, at);
      await learned.publishScored(scoredByRules(job, byRules, X, at));
      return byRules;
    } finally {
      lease.release();
    }
  };

  const process = async (job: Job<ScoreJob, void>): Promise<void> => {
    const started = performance.now();
    const { declaration, receivedAt, enrichMs } = job.data;
    // Only a declaration with documents is a flow parent: the others keep the fast path.
    const documents = declaration.documents.length ? await collectDocumentFindings(job) : null;
    if (documents) {
      const { findings, failures } = documents;
      opts.logger.info({
        declarationId: declaration.id, version: declaration.version, reasons: findings.reasons.map((r) => r.code),
        matched: findings.items.filter((i) => i.matched).length, items: findings.items.length, failures,
      }, 'document findings');
    }
    const input = documents ? withDocumentFlags(job.data, documents.findings, Math.max(0, (job.processedOn ?? Date.now()) - job.timestamp)) : job.data;
    const trader = await opts.history.get(declaration.trader.taxId);
    const decided = await decide(input, trader);
    const decidedAt = new Date();
    const decision: Decision = {
      ...(documents ? withDocumentReasons(decided, documents.findings) : decided),
      timings: {
        receivedAt,
        decidedAt: decidedAt.toISOString(),
        enrichMs,
        scoreMs: performance.now() - started,
        totalMs: Math.max(0, decidedAt.getTime() - Date.parse(receivedAt)),
      },
    };
    await opts.publishDecision(decision, job.data);
    opts.history.seen(declaration.trader.taxId);
    opts.logger.debug({ declarationId: declaration.id, version: declaration.version, lane: decision.lane, model: decision.modelVersion }, 'scored');
  };
  return new Worker<ScoreJob, void>(opts.queueName, process, {
    connection: opts.connection,
    prefix: opts.prefix,
    concurrency: opts.concurrency ?? DEFAULT_CONCURRENCY,
  });
}
