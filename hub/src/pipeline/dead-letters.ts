import { randomUUID } from 'node:crypto';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { MsgHdrs } from '@nats-io/nats-core';
import { type DeadLetter, type DeadLetterStage, type Names } from '@tareks/schemas';
import type { HubMetrics } from '../metrics/hub-metrics.js';
import type { DeclarationStateStore } from '../state/declaration-state.store.js';
import { deadLetteredEvent } from '../timeline/timeline-events.js';
import type { TimelineRecorder } from '../timeline/timeline.recorder.js';

export interface DeadLetterInput {
  readonly stage: DeadLetterStage;
  readonly subject: string;
  readonly payload: Uint8Array;
  readonly headers?: MsgHdrs;
  readonly code: string;
  readonly message: string;
  readonly attempts: number;
  readonly firstFailureAt?: string;
  readonly declarationId?: string;
  readonly version?: number;
  readonly customsOffice?: string;
  readonly gtips?: string[];
  /** Same source message, same dead letter: a redelivered poison message is not dead-lettered twice (JetStream dedupe). */
  readonly dedupeKey?: string;
}

/** The one place every stage ends a message it cannot process: a DeadLetter record on `<ns>.dlq.<stage>`. */
export class DeadLetterPublisher {
  constructor(
    private readonly js: JetStreamClient,
    private readonly names: Names,
    private readonly metrics: HubMetrics,
    private readonly states: Pick<DeclarationStateStore, 'markFailed'>,
    /** Where DEAD_LETTERED is appended to the declaration's timeline. */
    private readonly timeline?: TimelineRecorder,
  ) {}

  async publish(input: DeadLetterInput): Promise<DeadLetter> {
    const now = new Date().toISOString();
    const headers: Record<string, string[]> = {};
    for (const [k, v] of input.headers ?? []) headers[k] = v;
    const letter: DeadLetter = {
      id: randomUUID(),
      stage: input.stage,
      subject: input.subject,
      payload: Buffer.from(input.payload).toString('base64'),
      headers,
      error: { code: input.code, message: input.message },
      attempts: input.attempts,
      firstFailureAt: input.firstFailureAt ?? now,
      lastFailureAt: now,
      ...(input.declarationId ? { declarationId: input.declarationId } : {}),
      ...(input.version ? { version: input.version } : {}),
      ...(input.customsOffice ? { customsOffice: input.customsOffice } : {}),
      ...(input.gtips ? { gtips: input.gtips } : {}),
      replays: [],
    };
    await this.js.publish(this.names.subjects.dlq(input.stage), JSON.stringify(letter), { msgID: input.dedupeKey ?? letter.id });
    // The dead letter now owns the declaration version: reconciliation leaves it alone; a replay brings it back.
    if (input.declarationId && input.version) await this.states.markFailed(input.declarationId, input.version);
    this.metrics.deadLetters.inc({ stage: input.stage, code: input.code });
    this.timeline?.record(...deadLetteredEvent(letter));
    return letter;
  }
}
