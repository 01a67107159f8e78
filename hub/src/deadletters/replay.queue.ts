import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { Names, ReplayJob } from '@tareks/schemas';
import { ReplayError } from './replay-error.js';
import type { ReplayService } from './replay.service.js';

export function createReplayQueue(connection: ConnectionOptions, names: Names): Queue<ReplayJob> {
  return new Queue<ReplayJob>(names.queues.replay, {
    connection,
    prefix: names.bullPrefix,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}

/** `max` jobs per `duration` ms: whole jobs per second, or one job per interval below 1/s. */
const limiterFor = (perSecond: number) =>
  perSecond >= 1 ? { max: Math.round(perSecond), duration: 1_000 } : { max: 1, duration: Math.round(1_000 / perSecond) };

/**
 * Processes batch replays at the replay velocity. The limit is BullMQ's queue-wide rate limiter (`max` jobs per
 * `duration`, kept in Redis), so the velocity holds across every hub process and survives restarts, where an
 * in-process token bucket would multiply with the process count. A replay refused for good (invalid payload,
 * stale version) is already recorded in the history and completes the job; only retryable failures are retried.
 */
export function createReplayWorker(connection: ConnectionOptions, names: Names, service: ReplayService, ratePerSecond: number, logger: Logger): Worker<ReplayJob> {
  const worker = new Worker<ReplayJob, string>(
    names.queues.replay,
    async (job) => {
      try {
        const outcome = await service.replayOne(job.data.deadLetterId, job.data.actor, { batchId: job.data.batchId });
        return outcome.replay?.result ?? 'OK';
      } catch (err) {
        if (err instanceof ReplayError && !err.retryable) return err.code;
        throw err;
      }
    },
    { connection, prefix: names.bullPrefix, concurrency: 4, limiter: limiterFor(ratePerSecond) },
  );
  worker.on('error', (err) => logger.warn({ err }, 'replay worker error'));
  return worker;
}
