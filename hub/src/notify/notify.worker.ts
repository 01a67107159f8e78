import { DelayedError, UnrecoverableError, Worker, type ConnectionOptions, type Job, type Queue } from 'bullmq';
import type { Logger } from 'pino';
import { CallbackError, deliverDecision } from '@tareks/adapters';
import type { Names, NotifyJob, StoredCallback } from '@tareks/schemas';
import type { DeadLetterPublisher } from '../pipeline/dead-letters.js';
import type { DeclarationStateStore } from '../state/declaration-state.store.js';
import { callbackEvent } from '../timeline/timeline-events.js';
import type { TimelineRecorder } from '../timeline/timeline.recorder.js';
import { orderOf } from './notify-order.js';

export interface CallbackDirectory {
  /** The client's current callback, or null when it has none (or was revoked). */
  callbackOf(clientId: string): Promise<StoredCallback | null>;
}

export interface NotifyWorkerOptions {
  readonly connection: ConnectionOptions;
  readonly names: Names;
  readonly queue: Queue<NotifyJob>;
  readonly clients: CallbackDirectory;
  readonly states: DeclarationStateStore;
  readonly deadLetters: DeadLetterPublisher;
  readonly logger: Logger;
  /** Deliveries in flight per process. Default 20. */
  readonly concurrency?: number;
  /** Timeout of one delivery attempt, ms. Default 10 000. */
  readonly timeoutMs?: number;
  /** How long a newer version waits before it checks again whether the older one is through, ms. Default 1 000. */
  readonly orderRecheckMs?: number;
  /** Where each delivery attempt's result is appended to the declaration's timeline. */
  readonly timeline?: TimelineRecorder;
}

export type NotifyResult = 'DELIVERED' | 'SUPERSEDED' | 'NO_CALLBACK';

const NOTIFY_ERR_FAILED = 'HUB_ERR_NOTIFY_FAILED';

/** Delivers decision notifications: in order per declaration, retried with back-off, dead-lettered at the end. */
export function createNotifyWorker(o: NotifyWorkerOptions): Worker<NotifyJob, NotifyResult> {
  const timeoutMs = o.timeoutMs ?? 10_000;

  async function deadLetter(job: Job<NotifyJob>, code: string, message: string): Promise<void> {
    const n = job.data.notification;
    await o.deadLetters.publish({
      stage: 'notify',
      subject: `bullmq:${o.names.queues.notify}`,
      payload: Buffer.from(JSON.stringify(job.data)),
      code,
      message,
      attempts: job.attemptsMade + 1,
      firstFailureAt: job.data.firstFailureAt,
      declarationId: n.declarationId,
      version: n.version,
      customsOffice: n.decision.customsOffice,
    });
  }

  const deliver = async (job: Job<NotifyJob>, token?: string): Promise<NotifyResult> => {
    const n = job.data.notification;
    const log = o.logger.child({ declarationId: n.declarationId, version: n.version, deliveryId: n.deliveryId, clientId: n.clientId });
    const latest = (await o.states.get(n.declarationId))?.version ?? n.version;
    const order = await orderOf(o.queue, n.clientId, n.declarationId, n.version, latest);
    if (order === 'SUPERSEDED') {
      log.info('notification superseded by a delivered newer version');
      return 'SUPERSEDED';
    }
    if (order === 'WAIT') {
      await job.moveToDelayed(Date.now() + (o.orderRecheckMs ?? 1_000), token);
      throw new DelayedError();
    }
    const callback = await o.clients.callbackOf(n.clientId);
    if (!callback) return 'NO_CALLBACK';
    try {
      await deliverDecision(callback, n, timeoutMs);
      o.timeline?.record(callbackEvent(job.data, 'DELIVERED', job.attemptsMade + 1));
      log.debug({ attempt: job.attemptsMade + 1 }, 'decision delivered');
      return 'DELIVERED';
    } catch (err) {
      const e = err instanceof CallbackError ? err : new CallbackError(NOTIFY_ERR_FAILED, (err as Error).message, true, undefined, { cause: err });
      const final = !e.retryable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      log.warn({ err: e, code: e.code, attempt: job.attemptsMade + 1, final }, 'decision delivery failed');
      o.timeline?.record(callbackEvent(job.data, final ? 'FAILED' : 'RETRYING', job.attemptsMade + 1, e));
      if (!job.data.firstFailureAt) await job.updateData({ ...job.data, firstFailureAt: new Date().toISOString() });
      if (!final) throw e;
      await deadLetter(job, e.code, e.message).catch((dlErr: unknown) => {
        log.error({ err: dlErr }, 'dead letter publish failed; the failed job stays in the notify queue');
        throw e;
      });
      throw new UnrecoverableError(`${e.code}: ${e.message}`);
    }
  };

  const worker = new Worker<NotifyJob, NotifyResult>(o.names.queues.notify, deliver, {
    connection: o.connection,
    prefix: o.names.bullPrefix,
    concurrency: o.concurrency ?? 20,
  });
  worker.on('error', (err) => o.logger.warn({ err }, 'notify worker error'));
  return worker;
}
