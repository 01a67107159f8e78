import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { KV } from '@nats-io/kv';
import { versionJobId, type Decision, type Names } from '@tareks/schemas';
import type { HubMetrics } from '../metrics/hub-metrics.js';
import type { DeclarationStateStore } from '../state/declaration-state.store.js';

export const PROJECTOR_DURABLE = 'state-projector';

/**
 * Durable consumer of decisions: moves each declaration's state to DECIDED (with its decision) and counts it.
 * A redelivered or duplicate decision finds the state already DECIDED and changes nothing.
 */
export class DecisionProjector {
  private messages: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly names: Names,
    private readonly states: DeclarationStateStore,
    private readonly pending: KV,
    private readonly metrics: HubMetrics,
    private readonly logger: Logger,
    private readonly maxAckPending: number,
  ) {}

  async start(): Promise<void> {
    const stream = this.names.streams.decisions;
    const exists = await this.jsm.consumers.info(stream, PROJECTOR_DURABLE).catch(() => null);
    if (!exists) {
      await this.jsm.consumers.add(stream, {
        durable_name: PROJECTOR_DURABLE,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: 30e9,
        max_ack_pending: this.maxAckPending,
      });
    }
    const consumer = await this.js.consumers.get(stream, PROJECTOR_DURABLE);
    this.messages = await consumer.consume({ max_messages: 1000 });
    const inFlight = new Set<Promise<void>>();
    this.loop = (async () => {
      for await (const msg of this.messages!) {
        const p = this.project(msg).finally(() => inFlight.delete(p));
        inFlight.add(p);
        if (inFlight.size >= this.maxAckPending) await Promise.race(inFlight);
      }
      await Promise.allSettled([...inFlight]);
    })();
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop;
  }

  private async project(msg: JsMsg): Promise<void> {
    let decision: Decision;
    try {
      decision = msg.json<Decision>();
    } catch {
      this.logger.error({ subject: msg.subject }, 'unreadable decision message');
      msg.term();
      return;
    }
    try {
      const advanced = await this.states.advance({
        id: decision.declarationId,
        version: decision.version,
        status: 'DECIDED',
        receivedAt: decision.timings.receivedAt,
        updatedAt: decision.timings.decidedAt,
        decision,
      });
      if (advanced) this.metrics.decided(decision);
      await this.pending.delete(versionJobId(decision.declarationId, decision.version));
      msg.ack();
    } catch (err) {
      this.logger.warn({ err, declarationId: decision.declarationId, version: decision.version }, 'state projection failed, will retry');
      msg.nak(1_000);
    }
  }
}
