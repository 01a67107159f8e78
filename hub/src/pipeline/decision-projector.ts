import { DeliverPolicy, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { consumeDurable, ensureDurable, type RunningConsumer } from '../infra/durable-consumer.js';
import type { Logger } from 'pino';
import type { Decision, Names } from '@tareks/schemas';
import type { HubMetrics } from '../metrics/hub-metrics.js';
import type { DeclarationStateStore } from '../state/declaration-state.store.js';

export const PROJECTOR_DURABLE = 'state-projector';

/**
 * Durable consumer of decisions: moves each declaration's state to DECIDED (with its decision) and counts it.
 * A redelivered or duplicate decision finds the state already DECIDED and changes nothing.
 */
export class DecisionProjector {
  private running: RunningConsumer | null = null;

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly names: Names,
    private readonly states: DeclarationStateStore,
    private readonly metrics: HubMetrics,
    private readonly logger: Logger,
    private readonly maxAckPending: number,
  ) {}

  async start(): Promise<void> {
    const stream = this.names.streams.decisions;
    await ensureDurable(this.jsm, stream, PROJECTOR_DURABLE, this.maxAckPending, { deliver_policy: DeliverPolicy.All });
    this.running = await consumeDurable(this.js, stream, PROJECTOR_DURABLE, this.maxAckPending, (msg) => this.project(msg));
  }

  async stop(): Promise<void> {
    await this.running?.stop();
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
      msg.ack();
    } catch (err) {
      this.logger.warn({ err, declarationId: decision.declarationId, version: decision.version }, 'state projection failed, will retry');
      msg.nak(1_000);
    }
  }
}
