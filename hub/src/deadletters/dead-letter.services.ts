import type { TimelineRecorder } from '../timeline/timeline.recorder.js';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Kvm } from '@nats-io/kv';
import type { ConnectionOptions, Worker } from 'bullmq';
import type { Logger } from 'pino';
import type { IngestService } from '@tareks/adapters';
import type { Names } from '@tareks/schemas';
import type { AuditLog } from '../audit/audit.log.js';
import type { NotificationRedeliverer } from '../notify/notifier.js';
import { DeadLetterStore } from './dead-letter.store.js';
import { createReplayQueue, createReplayWorker } from './replay.queue.js';
import { ReplayService } from './replay.service.js';

export interface DeadLetterServicesOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly kvm: Kvm;
  readonly names: Names;
  readonly connection: ConnectionOptions;
  readonly ingest: IngestService;
  readonly audit: AuditLog;
  readonly notifier?: NotificationRedeliverer;
  readonly logger: Logger;
  /** Replay velocity of batches, dead letters per second across all processes. Default 50. */
  readonly replayRatePerSecond?: number;
  /** Run the batch replay worker in this process. Default true. */
  readonly runReplayWorker?: boolean;
  /** Declaration timeline that replays are appended to. */
  readonly timeline?: TimelineRecorder;
}

export interface DeadLetterServices {
  readonly store: DeadLetterStore;
  readonly replays: ReplayService;
  stop(): Promise<void>;
}

/** Dead-letter index, replay service and batch replay worker; resolves once the index caught up with the stream. */
export async function startDeadLetterServices(o: DeadLetterServicesOptions): Promise<DeadLetterServices> {
  const rate = o.replayRatePerSecond ?? 50;
  const store = await DeadLetterStore.open(o.js, o.jsm, o.kvm, o.names, o.logger);
  const batches = createReplayQueue(o.connection, o.names);
  const replays = new ReplayService({ store, ingest: o.ingest, notifier: o.notifier, audit: o.audit, batches, ratePerSecond: rate, logger: o.logger, ...(o.timeline ? { timeline: o.timeline } : {}) });
  const worker: Worker | null = o.runReplayWorker === false ? null : createReplayWorker(o.connection, o.names, replays, rate, o.logger);
  return {
    store,
    replays,
    async stop() {
      await worker?.close();
      await batches.close();
      await store.close();
    },
  };
}
