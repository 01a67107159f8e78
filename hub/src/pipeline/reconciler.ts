import type { JetStreamManager } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import type { Logger } from 'pino';
import type { Names, ReceivedDeclaration } from '@tareks/schemas';
import type { DeclarationStateStore } from '../state/declaration-state.store.js';
import type { Orchestrator } from './orchestrator.js';

/** An accepted declaration version still waiting for its decision: where its message sits in the stream. */
export interface PendingEntry {
  readonly seq: number;
  readonly receivedAt: string;
}

export interface ReconcilerOptions {
  readonly jsm: JetStreamManager;
  readonly names: Names;
  readonly pending: KV;
  readonly states: DeclarationStateStore;
  readonly orchestrator: Orchestrator;
  readonly logger: Logger;
  /** A declaration younger than this is still in flight, not lost. Default 60 s. */
  readonly minAgeMs?: number;
  /** Time between passes. Default 60 s. */
  readonly everyMs?: number;
}

/**
 * Finds declarations accepted in JetStream that have no decision long after their receipt (e.g. Redis lost its
 * queues) and hands them to the score queue again. Runs at start-up and then periodically.
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
    const { pending, states, jsm, names, orchestrator, logger } = this.o;
    const minAge = this.o.minAgeMs ?? 60_000;
    let requeued = 0;
    try {
      for await (const key of await pending.keys()) {
        const entry = await pending.get(key);
        if (!entry || entry.operation !== 'PUT') continue;
        const p = entry.json<PendingEntry>();
        if (Date.now() - Date.parse(p.receivedAt) < minAge) continue;
        const msg = await jsm.streams.getMessage(names.streams.declarations, { seq: p.seq }).catch(() => null);
        if (!msg) {
          logger.error({ key, seq: p.seq }, 'pending declaration is missing from the stream');
          continue;
        }
        const received = msg.json<ReceivedDeclaration>();
        const state = await states.get(received.declaration.id);
        if (state?.status === 'DECIDED' && state.version >= received.declaration.version) {
          await pending.delete(key);
          continue;
        }
        if ((await orchestrator.dispatch(received)) === 'skipped') await pending.delete(key);
        else {
          requeued++;
          logger.warn({ declarationId: received.declaration.id, version: received.declaration.version }, 'reconciliation: handed off again');
        }
      }
    } catch (err) {
      logger.error({ err }, 'reconciliation pass failed');
    }
    return requeued;
  }
}
