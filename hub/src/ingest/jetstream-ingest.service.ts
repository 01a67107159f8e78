import { randomUUID } from 'node:crypto';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { IngestContext, IngestService, SubmitResult } from '@tareks/adapters';
import { IngestError } from '@tareks/adapters';
import {
  INPUT_ERROR_CODES, SERVICE_ERROR_CODES, versionKey,
  type Declaration, type DeclarationState, type Intake, type Names, type Receipt, type ReceivedDeclaration,
} from '@tareks/schemas';
import type { DeclarationStateStore } from '../state/declaration-state.store.js';
import { duplicateEvent, supersededEvents } from '../timeline/timeline-events.js';
import type { TimelineRecorder } from '../timeline/timeline.recorder.js';
import type { BacklogMonitor } from './backlog-monitor.js';
import type { DecisionWaiter } from './decision-waiter.js';

/**
 * Accepts a validated declaration: persists it to the declarations stream (the system of record, deduplicated on
 * id:version), records its state with the message's sequence (the only copy of the declaration is the stream's), and
 * optionally waits for the decision. The receipt is only given after the JetStream publish was acknowledged, so an
 * accepted declaration is never lost.
 */
export class JetStreamIngestService implements IngestService {
  constructor(
    private readonly js: JetStreamClient,
    private readonly names: Names,
    private readonly states: DeclarationStateStore,
    private readonly waiter: DecisionWaiter,
    private readonly backlog: BacklogMonitor,
    /**
     * Where duplicates and superseded versions are appended to the declaration's timeline (best-effort); the current
     * version's receipt is shown from its state.
     */
    private readonly timeline?: TimelineRecorder,
  ) {}

  async submit(declaration: Declaration, ctx: IngestContext, waitMs = 0): Promise<SubmitResult> {
    try {
      return await this.accept(declaration, ctx, waitMs);
    } catch (err) {
      if (err instanceof IngestError) throw err;
      // NATS unreachable or restarting: nothing was promised, so the caller may safely retry.
      throw new IngestError(SERVICE_ERROR_CODES.unavailable, 'the hub cannot reach its message store, retry later', 503, [], { cause: err, retryAfterSeconds: 1 });
    }
  }

  private async accept(declaration: Declaration, ctx: IngestContext, waitMs: number): Promise<SubmitResult> {
    const { id, version } = declaration;
    const key = versionKey(id, version);
    const entry = await this.states.read(id);
    const existing = entry.state;
    if (existing && existing.version > version) {
      throw new IngestError(INPUT_ERROR_CODES.staleVersion, `version ${version} is older than the received version ${existing.version}`, 409);
    }
    // A replay of a version that was accepted but never decided (its hand-off was dead-lettered) enters the pipeline
    // again; anything else with the same id and version is a duplicate and gets the original receipt.
    const redo = ctx.protocol === 'REPLAY' && existing?.version === version && existing.status !== 'DECIDED';
    if (existing && existing.version === version && !redo) {
      this.timeline?.record(duplicateEvent(declaration, ctx));
      return this.answer(existing, true, waitMs);
    }
    if (this.backlog.overLimit) {
      throw new IngestError(SERVICE_ERROR_CODES.busy, `pipeline backlog ${this.backlog.current} over its limit ${this.backlog.limit}, retry later`, 503, [], { retryAfterSeconds: 2 });
    }

    const wait = waitMs > 0 ? this.waiter.wait(key, waitMs) : null;
    const receivedAt = new Date().toISOString();
    const message: ReceivedDeclaration = { declaration, receivedAt, clientId: ctx.clientId, protocol: ctx.protocol };
    let seq: number;
    try {
      // JetStream drops a repeated id:version inside its duplicate window, so a replay carries its own message id.
      const msgID = redo ? `${key}#replay-${randomUUID()}` : key;
      const ack = await this.js.publish(this.names.subjects.declReceived, JSON.stringify(message), { msgID });
      seq = ack.seq;
      if (ack.duplicate) {
        wait?.cancel();
        this.timeline?.record(duplicateEvent(declaration, ctx));
        const state = await this.states.get(id);
        if (state && state.version === version) return this.answer(state, true, waitMs);
        return { receipt: this.receipt(id, version, 'RECEIVED', receivedAt, true) };
      }
    } catch (err) {
      wait?.cancel();
      throw new IngestError(SERVICE_ERROR_CODES.unavailable, 'could not persist the declaration, retry later', 503, [], { cause: err, retryAfterSeconds: 1 });
    }
    const intake: Intake = { clientId: ctx.clientId, protocol: ctx.protocol, seq };
    if (redo) await this.states.reenter(id, version, intake, receivedAt, entry);
    else await this.states.advance({ id, version, status: 'RECEIVED', receivedAt, updatedAt: receivedAt, intake }, entry);
    if (existing && existing.version < version) this.timeline?.record(...supersededEvents(existing, version));
    const receipt = this.receipt(id, version, 'RECEIVED', receivedAt, false);
    const decision = wait ? await wait.promise : null;
    return decision ? { receipt: { ...receipt, status: 'DECIDED' }, decision } : { receipt };
  }

  status(id: string): Promise<DeclarationState | null> {
    return this.states.get(id);
  }

  private async answer(state: DeclarationState, duplicate: boolean, waitMs: number): Promise<SubmitResult> {
    let decision = state.decision;
    if (!decision && waitMs > 0) decision = (await this.waitForState(state.id, state.version, waitMs)) ?? undefined;
    const receipt = this.receipt(state.id, state.version, decision ? 'DECIDED' : state.status, state.receivedAt, duplicate);
    return decision ? { receipt, decision } : { receipt };
  }

  /** A duplicate may arrive while its original is still in flight: wait on the live decisions, then re-check the state. */
  private async waitForState(id: string, version: number, waitMs: number) {
    const w = this.waiter.wait(versionKey(id, version), waitMs);
    const now = await this.states.get(id);
    if (now?.decision && now.version === version) {
      w.cancel();
      return now.decision;
    }
    return w.promise;
  }

  private receipt(id: string, version: number, status: Receipt['status'], receivedAt: string, duplicate: boolean): Receipt {
    return { id, version, status, receivedAt, statusUrl: `/v1/declarations/${id}`, duplicate };
  }
}
