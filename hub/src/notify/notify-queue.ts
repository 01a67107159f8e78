import { Queue, type ConnectionOptions } from 'bullmq';
import type { Names, NotifyJob } from '@tareks/schemas';

export interface NotifyRetryPolicy {
  /** Attempts before a notification is dead-lettered. Default 10. */
  readonly attempts?: number;
  /** First back-off delay, ms; doubled per attempt, ±50 % jitter. Default 2 000 (10 attempts ≈ 17 min in all). */
  readonly backoffMs?: number;
}

export const NOTIFY_DEFAULTS = { attempts: 10, backoffMs: 2_000 } as const;

export function createNotifyQueue(connection: ConnectionOptions, names: Names, policy: NotifyRetryPolicy = {}): Queue<NotifyJob> {
  return new Queue<NotifyJob>(names.queues.notify, {
    connection,
    prefix: names.bullPrefix,
    defaultJobOptions: {
      attempts: policy.attempts ?? NOTIFY_DEFAULTS.attempts,
      // Jitter spreads the retries of many notifications to one recovering endpoint, so they do not arrive as a wave.
      backoff: { type: 'exponential', delay: policy.backoffMs ?? NOTIFY_DEFAULTS.backoffMs, jitter: 0.5 },
      // Completed jobs are kept a week: a redelivered decision finds its job (no second notification), and a newer
      // version's completed job tells an older one it is superseded.
      removeOnComplete: { age: 7 * 24 * 3600 },
      // Failed jobs stay as long as a dead letter is likely to be replayed; replay retries the same job (same delivery id).
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  });
}
