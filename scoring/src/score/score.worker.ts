import { performance } from 'node:perf_hooks';
import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Decision, ScoreJob } from '@tareks/schemas';
import type { RuleConfig } from '../rules/rule-config.js';
import { decideWithRules } from './rule-scorer.js';
import type { TraderHistory } from './trader-history.js';

export interface ScoreWorkerOptions {
  readonly connection: ConnectionOptions;
  /** BullMQ key prefix (the namespace). */
  readonly prefix: string;
  readonly queueName: string;
  /** Jobs processed at once by this worker; scoring is CPU-light and I/O-bound on the publish. Default 50. */
  readonly concurrency?: number;
  readonly history: TraderHistory;
  readonly rules: RuleConfig;
  /** Durable hand-off of the decision (JetStream publish); the job completes only after it resolves. */
  publishDecision(decision: Decision, job: ScoreJob): Promise<void>;
  readonly logger: Logger;
}

const DEFAULT_CONCURRENCY = 50;

export function createScoreWorker(opts: ScoreWorkerOptions): Worker<ScoreJob, void> {
  const process = async (job: Job<ScoreJob, void>): Promise<void> => {
    const started = performance.now();
    const { declaration, receivedAt, enrichMs } = job.data;
    const trader = await opts.history.get(declaration.trader.taxId);
    const decided = decideWithRules(job.data, trader, opts.rules);
    const decidedAt = new Date();
    const decision: Decision = {
      ...decided,
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
    opts.logger.debug({ declarationId: declaration.id, version: declaration.version, lane: decision.lane }, 'scored');
  };
  return new Worker<ScoreJob, void>(opts.queueName, process, {
    connection: opts.connection,
    prefix: opts.prefix,
    concurrency: opts.concurrency ?? DEFAULT_CONCURRENCY,
  });
}
