import { Kvm } from '@nats-io/kv';
import type { ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { IngestService } from '@tareks/adapters';
import type { Names } from '@tareks/schemas';
import { AuditLog } from '../audit/audit.log.js';
import type { ApiKeyStore } from '../auth/api-key.store.js';
import { startDeadLetterServices, type DeadLetterServices } from '../deadletters/dead-letter.services.js';
import type { NatsHandles } from '../infra/nats.js';
import { startNotifier, type Notifier, type NotifierOptions } from '../notify/notifier.js';
import type { DeadLetterPublisher } from '../pipeline/dead-letters.js';
import type { DeclarationStateStore } from '../state/declaration-state.store.js';
import type { TimelineRecorder } from '../timeline/timeline.recorder.js';

export interface ReliabilityOptions {
  readonly nats: NatsHandles;
  readonly names: Names;
  /** BullMQ connection (notify and replay queues). */
  readonly connection: ConnectionOptions;
  /** The validated ingest path replays go through. */
  readonly ingest: IngestService;
  readonly clients: ApiKeyStore;
  readonly states: DeclarationStateStore;
  readonly deadLetters: DeadLetterPublisher;
  readonly logger: Logger;
  /** Decision callbacks; false: not in this process. Default: enqueue and deliver with the default policy. */
  readonly notify?: Partial<Pick<NotifierOptions, 'retry' | 'enqueue' | 'deliver' | 'concurrency' | 'timeoutMs' | 'orderRecheckMs' | 'maxAckPending'>> | false;
  /** Replay velocity of batches, dead letters per second across all processes. Default 50. */
  readonly replayRatePerSecond?: number;
  /** Declaration timeline that callback attempts are appended to. */
  readonly timeline?: TimelineRecorder;
}

export interface Reliability {
  readonly audit: AuditLog;
  readonly notifier: Notifier | null;
  readonly deadLetters: DeadLetterServices;
  stop(): Promise<void>;
}

/** Decision callbacks, the dead-letter index with replay, and the audit log, started together; `stop()` in reverse. */
export async function startReliability(o: ReliabilityOptions): Promise<Reliability> {
  const { js, jsm, nc } = o.nats;
  const audit = new AuditLog(js, o.names, o.logger);
  const notifier = o.notify === false
    ? null
    : await startNotifier({ js, jsm, names: o.names, connection: o.connection, clients: o.clients, states: o.states, deadLetters: o.deadLetters, logger: o.logger, timeline: o.timeline, ...(o.notify ?? {}) });
  const deadLetters = await startDeadLetterServices({
    js, jsm, kvm: new Kvm(nc), names: o.names, connection: o.connection, ingest: o.ingest, audit,
    ...(notifier ? { notifier } : {}), logger: o.logger, replayRatePerSecond: o.replayRatePerSecond,
    ...(o.timeline ? { timeline: o.timeline } : {}),
  });
  return {
    audit,
    notifier,
    deadLetters,
    async stop() {
      await deadLetters.stop();
      await notifier?.stop();
    },
  };
}
