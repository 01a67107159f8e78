import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import type { Logger } from 'pino';
import type { Names, ReceivedDeclaration } from '@tareks/schemas';
import type { DeclarationStateStore } from '../state/declaration-state.store.js';
import type { Orchestrator } from './orchestrator.js';
import { readStreamMarks, type StreamMark } from './stream-marks.js';

export interface ReconcilerOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly names: Names;
  /** Where the pass keeps its checkpoint (the `<ns>_reconciler` bucket). */
  readonly checkpoints: KV;
  readonly states: DeclarationStateStore;
  readonly orchestrator: Orchestrator;
  readonly logger: Logger;
  /** A declaration younger than this is still in flight, not lost. Default 60 s. */
  readonly minAgeMs?: number;
  /** Time between passes. Default 60 s. */
  readonly everyMs?: number;
  /** How far back the first pass of a namespace looks when there is no checkpoint yet, ms. Default 24 h. */
  readonly firstLookbackMs?: number;
}

const CHECKPOINT_KEY = 'declarations';
/** `Nats-Msg-Id` of a declaration or a decision is `id:version`; a replay's declaration adds `#replay-<uuid>`. */
const versionKeyOf = (msgId: string): string => msgId.split('#', 1)[0]!;

/**
 * Finds declarations accepted in JetStream that have no decision long after their receipt (e.g. Redis lost its
 * queues) and hands them to the score queue again. The streams are the record: a pass reads the message ids
 * (headers only) of the declarations accepted since its checkpoint and older than the minimum age, removes those
 * the decisions stream answered, and checks only the rest against the state (decided, superseded or dead-lettered
 * ones are left alone). The checkpoint then moves to the oldest version still undecided. Runs at start-up and then
 * periodically; any number of orchestrators may run it (a hand-off is idempotent on id:version).
 */
export class Reconciler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly o: ReconcilerOptions) {}

  start(): void {
    void this.pass();
    this.timer = setInterval(() => void this.pass(), this.o.everyMs ?? 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns how many declarations were handed off again. Concurrent calls share the running pass. */
  pass(): Promise<number> {
    this.running ??= this.reconcile().finally(() => (this.running = null));
    return this.running;
  }

  private async reconcile(): Promise<number> {
    const { js, names, logger } = this.o;
    try {
      const cutoff = Date.now() - (this.o.minAgeMs ?? 60_000);
      // Latest message per version: a replay's message replaces the original it re-entered.
      const accepted = new Map<string, StreamMark>();
      const start = await this.checkpoint();
      let resume = 'seq' in start ? start.seq : null;
      let since: number | null = null;
      await readStreamMarks(js, names.streams.declarations, start, (m) => {
        if (m.at > cutoff) return false;
        accepted.set(versionKeyOf(m.msgId), m);
        since ??= m.at;
        resume = m.seq + 1;
        return true;
      });
      if (since !== null) {
        await readStreamMarks(js, names.streams.decisions, { time: since }, (m) => {
          accepted.delete(versionKeyOf(m.msgId));
          return true;
        });
      }
      const undecided = [...accepted.values()].sort((a, b) => a.seq - b.seq);
      let requeued = 0;
      let oldestOpen: number | null = null;
      for (const mark of undecided) {
        if ((await this.recover(mark)) !== 'requeued') continue;
        requeued++;
        oldestOpen ??= mark.seq;
      }
      const checkpoint = oldestOpen ?? resume;
      if (checkpoint) await this.o.checkpoints.put(CHECKPOINT_KEY, String(checkpoint));
      return requeued;
    } catch (err) {
      logger.error({ err }, 'reconciliation pass failed');
      return 0;
    }
  }

  /** Where this pass starts: the saved checkpoint, or (first pass of a namespace) a look-back in time. */
  private async checkpoint(): Promise<{ seq: number } | { time: number }> {
    const e = await this.o.checkpoints.get(CHECKPOINT_KEY);
    const seq = e && e.operation === 'PUT' ? Number(e.string()) : NaN;
    return Number.isInteger(seq) && seq > 0 ? { seq } : { time: Date.now() - (this.o.firstLookbackMs ?? 24 * 3600_000) };
  }

  /** One accepted version the decisions stream does not answer: settled by its state, or handed off again. */
  private async recover(mark: StreamMark): Promise<'settled' | 'requeued'> {
    const { jsm, names, states, orchestrator, logger } = this.o;
    const msg = await jsm.streams.getMessage(names.streams.declarations, { seq: mark.seq });
    if (!msg) {
      logger.error({ seq: mark.seq, key: mark.msgId }, 'accepted declaration is missing from the stream');
      return 'settled';
    }
    const received = msg.json<ReceivedDeclaration>();
    const { id, version } = received.declaration;
    const state = await states.get(id);
    if (state && (state.version > version || (state.version === version && (state.status === 'DECIDED' || state.status === 'FAILED')))) return 'settled';
    if ((await orchestrator.dispatch(received)) === 'skipped') return 'settled';
    logger.warn({ declarationId: id, version }, 'reconciliation: handed off again');
    return 'requeued';
  }
}
