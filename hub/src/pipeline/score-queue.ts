import { Queue, type ConnectionOptions } from 'bullmq';
import type { Names, ScoreJob } from '@tareks/schemas';

/** Attempts of a score job before it is dead-lettered; scoring is deterministic, so retries cover infrastructure faults. */
export const SCORE_ATTEMPTS = 5;

export function createScoreQueue(connection: ConnectionOptions, names: Names): Queue<ScoreJob> {
  return new Queue<ScoreJob>(names.queues.score, {
    connection,
    prefix: names.bullPrefix,
    defaultJobOptions: {
      attempts: SCORE_ATTEMPTS,
      backoff: { type: 'exponential', delay: 500, jitter: 0.5 },
      // Completed ids are kept for an hour so a redelivered declaration finds its job and is not scored twice.
      removeOnComplete: { age: 3600, count: 200_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
}
