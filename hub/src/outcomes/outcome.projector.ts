import { DeliverPolicy, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { consumeDurable, ensureDurable, type RunningConsumer } from '../infra/durable-consumer.js';
import type { KV } from '@nats-io/kv';
import type { Logger } from 'pino';
import type { InspectionOutcome, Names } from '@tareks/schemas';
import { outcomeKey } from './outcome-keys.js';
import { scoredRecordOf } from './scored-records.js';
import { addInspection } from './trader-outcomes.js';
import { epochWeek } from '@tareks/scoring';
import type { LabelHistoryStore } from '../history/label-history.store.js';

export const OUTCOME_PROJECTOR_DURABLE = 'outcome-projector';
const RETRY_MS = 1_000;

export interface OutcomeProjectorOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly names: Names;
  /** Outcomes KV: one entry per item, the result; marks an outcome as counted. */
  readonly recorded: KV;
  /** Traders KV (the score workers' TraderHistoryStore reads it). */
  readonly traders: KV;
  /** Label-history tallies per history key (the score workers' live features read them). */
  readonly history: LabelHistoryStore;
  readonly logger: Logger;
  /** Outcomes projected at once; default 64. */
  readonly maxAckPending?: number;
  /** Called once per newly counted outcome (the retrainer counts towards its next run). */
  onCounted?(outcome: InspectionOutcome): void;
}

/**
 * Durable consumer of `<ns>.outcome.>`: marks each item's result in the outcomes KV (first result wins, so a
 * redelivery or a duplicate counts once), adds the inspection to the trader's record and the outcome to the label
 * history of every key the item was scored with (week of its scoring, as the offline features reveal a label).
 */
export class OutcomeProjector {
  private running: RunningConsumer | null = null;

  constructor(private readonly o: OutcomeProjectorOptions) {}

  async start(): Promise<void> {
    const stream = this.o.names.streams.outcomes;
    await ensureDurable(this.o.jsm, stream, OUTCOME_PROJECTOR_DURABLE, this.o.maxAckPending ?? 64, { deliver_policy: DeliverPolicy.All });
    // One at a time: each outcome's first-result-wins marker and trader update stay simple compare-and-sets.
    this.running = await consumeDurable(this.o.js, stream, OUTCOME_PROJECTOR_DURABLE, 1, (msg) => this.project(msg));
  }

  async stop(): Promise<void> {
    await this.running?.stop();
  }

  private async project(msg: JsMsg): Promise<void> {
    let outcome: InspectionOutcome;
    try {
      outcome = msg.json<InspectionOutcome>();
    } catch {
      this.o.logger.error({ subject: msg.subject }, 'unreadable outcome message');
      msg.term();
      return;
    }
    const key = outcomeKey(outcome);
    const log = { declarationId: outcome.declarationId, version: outcome.version, itemNo: outcome.itemNo };
    let revision: number;
    try {
      revision = await this.o.recorded.create(key, outcome.result);
    } catch (err) {
      const counted = await this.o.recorded.get(key).then((e) => e?.operation === 'PUT', () => false);
      // Already counted (redelivery, duplicate or a contradicting later result): the first result stands.
      if (counted) msg.ack();
      else {
        this.o.logger.warn({ err, ...log }, 'outcome marker not written, will retry');
        msg.nak(RETRY_MS);
      }
      return;
    }
    try {
      const scored = await scoredRecordOf(this.o.jsm, this.o.names, outcome.declarationId, outcome.version);
      const nonCompliant = outcome.result === 'NON_COMPLIANT';
      if (scored) {
        await addInspection(this.o.traders, scored.traderId, nonCompliant);
        const keys = scored.items.find((i) => i.itemNo === outcome.itemNo)?.historyKeys;
        if (keys) await this.o.history.addOutcome(keys, nonCompliant, epochWeek(new Date(scored.scoredAt)));
      } else this.o.logger.warn(log, 'outcome of an item without a scored record: trader history not updated');
      msg.ack();
      this.o.onCounted?.(outcome);
    } catch (err) {
      this.o.logger.warn({ err, ...log }, 'outcome projection failed, will retry');
      await this.o.recorded.delete(key, { previousSeq: revision }).catch(() => undefined);
      msg.nak(RETRY_MS);
    }
  }
}
