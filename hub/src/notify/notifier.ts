import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { ConnectionOptions, Queue } from 'bullmq';
import type { Logger } from 'pino';
import { REPLAY_RESULTS, type Names, type NotifyJob } from '@tareks/schemas';
import type { DeadLetterPublisher } from '../pipeline/dead-letters.js';
import type { DeclarationStateStore } from '../state/declaration-state.store.js';
import { NotifyEnqueuer } from './notify-enqueuer.js';
import { createNotifyQueue, type NotifyRetryPolicy } from './notify-queue.js';
import { createNotifyWorker, type CallbackDirectory } from './notify.worker.js';
import type { TimelineRecorder } from '../timeline/timeline.recorder.js';

export interface NotifierOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly names: Names;
  readonly connection: ConnectionOptions;
  /** Where each client's callback is configured (the ApiKeyStore). */
  readonly clients: CallbackDirectory;
  readonly states: DeclarationStateStore;
  readonly deadLetters: DeadLetterPublisher;
  readonly logger: Logger;
  readonly retry?: NotifyRetryPolicy;
  /** Run the decision consumer that enqueues notifications. Default true. */
  readonly enqueue?: boolean;
  /** Run the delivery worker. Default true. */
  readonly deliver?: boolean;
  /** Unacknowledged decisions the enqueuer holds. Default 1 000. */
  readonly maxAckPending?: number;
  readonly concurrency?: number;
  /** Timeout of one delivery attempt, ms. Default 10 000. */
  readonly timeoutMs?: number;
  /** Recheck interval of a version waiting for an older one, ms. Default 1 000. */
  readonly orderRecheckMs?: number;
  /** Declaration timeline the delivery worker appends callback attempts to. */
  readonly timeline?: TimelineRecorder;
}

/** What replay needs from the notifier: put a dead-lettered notification back on its way, same delivery id. */
export interface NotificationRedeliverer {
  redeliver(job: NotifyJob): Promise<string>;
}

export interface Notifier extends NotificationRedeliverer {
  readonly queue: Queue<NotifyJob>;
  stop(): Promise<void>;
}

/** Decision callbacks to customs: the decisions consumer feeding the BullMQ `notify` queue, and its worker. */
export async function startNotifier(o: NotifierOptions): Promise<Notifier> {
  const queue = createNotifyQueue(o.connection, o.names, o.retry);
  const enqueuer = o.enqueue === false ? null : new NotifyEnqueuer(o.js, o.jsm, o.names, queue, o.clients, o.logger, o.maxAckPending ?? 1_000);
  await enqueuer?.start();
  const worker = o.deliver === false ? null : createNotifyWorker({ ...o, queue });

  return {
    queue,
    async redeliver(job) {
      const id = job.notification.deliveryId;
      const existing = await queue.getJob(id);
      const state = existing ? await existing.getState() : 'unknown';
      if (existing && state === 'completed') return existing.returnvalue === 'DELIVERED' ? REPLAY_RESULTS.alreadyDelivered : String(existing.returnvalue);
      if (existing && state === 'failed') {
        await existing.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        return REPLAY_RESULTS.accepted;
      }
      if (existing) return REPLAY_RESULTS.duplicate;
      await queue.add('decision', job, { jobId: id });
      return REPLAY_RESULTS.accepted;
    },
    async stop() {
      await enqueuer?.stop();
      await worker?.close();
      await queue.close();
    },
  };
}
