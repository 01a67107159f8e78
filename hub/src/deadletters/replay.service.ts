import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { IngestError, type IngestService } from '@tareks/adapters';
import {
  CLIENT_ID_HEADER, NotifyJob, REPLAY_RESULTS, compile, validateDeclaration,
  type AuditActor, type DeadLetter, type DeadLetterFilter, type Declaration, type ReplayBatchAccepted, type ReplayJob,
  type ReplayChange, type ReplayOutcome, type ReplayRecord,
} from '@tareks/schemas';
import type { AuditLog } from '../audit/audit.log.js';
import type { NotificationRedeliverer } from '../notify/notifier.js';
import type { DeadLetterStore } from './dead-letter.store.js';
import { REPLAY_ERROR_CODES as R, ReplayError } from './replay-error.js';
import { replayedEvent } from '../timeline/timeline-events.js';
import type { TimelineRecorder } from '../timeline/timeline.recorder.js';
import { replayChanges } from './replay.changes.js';

export interface ReplayServiceOptions {
  readonly store: DeadLetterStore;
  /** The validated ingest path (JetStreamIngestService): a replayed declaration enters like new input. */
  readonly ingest: IngestService;
  /** Puts dead-lettered notifications back on the notify queue; absent when callbacks are not configured. */
  readonly notifier?: NotificationRedeliverer;
  readonly audit: AuditLog;
  /** Queue of batch replays (jobs processed at the replay velocity). */
  readonly batches: Queue<ReplayJob>;
  /** Replay velocity of batches, dead letters per second (reported to the caller). */
  readonly ratePerSecond: number;
  readonly logger: Logger;
  /** Where REPLAYED is appended to the declaration's timeline. */
  readonly timeline?: TimelineRecorder;
}

export interface ReplayOptions {
  /** Edited declaration, validated exactly like REST input. */
  readonly payload?: unknown;
  readonly dryRun?: boolean;
  readonly batchId?: string;
}

const validateNotifyJob = compile<NotifyJob>(NotifyJob);

const json = (base64: string): unknown => {
  try {
    return JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
};

/** The declaration inside a dead letter: a `decl.received` message and a score job both carry it as `declaration`. */
function declarationOf(letter: DeadLetter): unknown {
  const body = json(letter.payload) as { declaration?: unknown } | undefined;
  return body && typeof body === 'object' && 'declaration' in body ? body.declaration : body;
}

/** The client the declaration was lodged by, so its decision callback still goes to the right customs system. */
function clientOf(letter: DeadLetter, actor: AuditActor): string {
  const body = json(letter.payload) as { clientId?: unknown } | undefined;
  if (body && typeof body.clientId === 'string') return body.clientId;
  return letter.headers[CLIENT_ID_HEADER]?.[0] ?? `replay:${actor.id}`;
}

/**
 * Replays dead letters. A declaration goes back through `IngestService.submit` (validated first, like REST input), so a
 * version that already has a decision gets none again; a notification goes back on the notify queue with its delivery
 * id. Every replay is linked to its dead letter in the replay history and audited.
 */
export class ReplayService {
  constructor(private readonly o: ReplayServiceOptions) {}

  async replayOne(id: string, actor: AuditActor, opts: ReplayOptions = {}): Promise<ReplayOutcome> {
    const letter = await this.o.store.get(id);
    if (!letter) throw new ReplayError(R.notFound, `dead letter ${id} not found`, 404);
    const edited = opts.payload !== undefined;
    const changes = edited && letter.stage !== 'notify' ? replayChanges(declarationOf(letter), opts.payload) : undefined;
    const replayId = randomUUID();
    let outcome: { result: string; declarationId?: string; version?: number };
    try {
      outcome = letter.stage === 'notify' ? await this.notification(letter, edited, opts.dryRun) : await this.declaration(letter, actor, opts);
    } catch (err) {
      const e = err instanceof ReplayError ? err : err instanceof IngestError ? new ReplayError(err.code, err.message, err.httpStatus, err.details, err.httpStatus >= 500, { cause: err }) : err;
      if (e instanceof ReplayError && !e.retryable) await this.remember(letter, replayId, actor, { edited, changes }, e.code, opts);
      throw e;
    }
    const replay = await this.remember(letter, replayId, actor, { edited, changes }, outcome.result, opts);
    return {
      deadLetterId: id,
      replay,
      ...(outcome.declarationId ? { declarationId: outcome.declarationId, version: outcome.version } : {}),
    };
  }

  /** Counts, or queues for replay at the replay velocity, every dead letter selected by ids or a filter. */
  async replayMany(selection: { ids?: readonly string[]; filter?: DeadLetterFilter }, actor: AuditActor, dryRun: boolean): Promise<ReplayBatchAccepted> {
    if (!selection.ids && !selection.filter) throw new ReplayError(R.emptySelection, 'give ids or a filter', 400);
    const ids = selection.ids ? selection.ids.filter((id) => this.o.store.index.get(id)) : this.o.store.index.matchIds(selection.filter!);
    const batchId = randomUUID();
    if (!dryRun && ids.length) {
      await this.o.batches.addBulk(ids.map((deadLetterId) => ({ name: 'replay', data: { batchId, deadLetterId, actor }, opts: { jobId: `${batchId}_${deadLetterId}` } })));
    }
    await this.o.audit.record({
      actor,
      action: 'deadletter.replay-batch',
      target: batchId,
      result: dryRun ? REPLAY_RESULTS.dryRun : 'OK',
      details: { matched: ids.length, ...(selection.ids ? { ids: selection.ids.length } : {}), ...(selection.filter ? { filter: selection.filter } : {}) },
    });
    return { batchId, matched: ids.length, dryRun, ratePerSecond: this.o.ratePerSecond };
  }

  private async declaration(letter: DeadLetter, actor: AuditActor, opts: ReplayOptions) {
    const candidate = opts.payload ?? declarationOf(letter);
    if (candidate === undefined) throw new ReplayError(R.unreadable, 'the dead letter holds no readable declaration; replay it with an edited payload', 400);
    const valid = validateDeclaration(candidate);
    if (!valid.ok) {
      const first = valid.errors[0];
      throw new ReplayError(first?.code ?? R.unreadable, `${first?.pointer || '/'}: ${first?.message ?? 'invalid'}`, 400, valid.errors);
    }
    const d: Declaration = valid.value;
    if (opts.dryRun) return { result: REPLAY_RESULTS.dryRun, declarationId: d.id, version: d.version };
    const { receipt } = await this.o.ingest.submit(d, { clientId: clientOf(letter, actor), protocol: 'REPLAY' }, 0);
    this.o.logger.info({ declarationId: d.id, version: d.version, deadLetterId: letter.id, duplicate: receipt.duplicate, status: receipt.status }, 'declaration replayed');
    return { result: receipt.duplicate ? REPLAY_RESULTS.duplicate : REPLAY_RESULTS.accepted, declarationId: d.id, version: d.version };
  }

  private async notification(letter: DeadLetter, edited: boolean, dryRun?: boolean) {
    // A notification carries the decision of record; changing it on the way to customs would be a side door.
    if (edited) throw new ReplayError(R.editRefused, 'a decision notification is replayed as it was; it cannot be edited', 400);
    const job = validateNotifyJob(json(letter.payload));
    if (!job.ok) throw new ReplayError(R.unreadable, 'the dead letter holds no readable notification', 400, job.errors);
    const { declarationId, version } = job.value.notification;
    if (dryRun) return { result: REPLAY_RESULTS.dryRun, declarationId, version };
    if (!this.o.notifier) throw new ReplayError(R.notifyUnavailable, 'decision callbacks are not running in this hub', 503, [], true);
    return { result: await this.o.notifier.redeliver(job.value), declarationId, version };
  }

  private async remember(
    letter: DeadLetter, replayId: string, actor: AuditActor, edit: { edited: boolean; changes: ReplayChange[] | undefined }, result: string, opts: ReplayOptions,
  ): Promise<ReplayRecord> {
    const { edited, changes } = edit;
    const record: ReplayRecord = {
      replayId, at: new Date().toISOString(), by: `${actor.kind}:${actor.id}`, edited, result,
      ...(changes ? { changes } : {}), ...(opts.batchId ? { batchId: opts.batchId } : {}),
    };
    if (!opts.dryRun) await this.o.store.history.append(letter.id, record);
    if (!opts.dryRun) this.o.timeline?.record(...replayedEvent(letter, record));
    await this.o.audit.record({
      actor,
      action: 'deadletter.replay',
      target: letter.id,
      result: opts.dryRun && result === REPLAY_RESULTS.dryRun ? REPLAY_RESULTS.dryRun : result,
      details: { replayId, stage: letter.stage, edited, ...(changes ? { changes } : {}), ...(letter.declarationId ? { declarationId: letter.declarationId, version: letter.version } : {}), ...(opts.batchId ? { batchId: opts.batchId } : {}) },
    });
    return record;
  }
}
