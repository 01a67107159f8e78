import { DeliverPolicy, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { consumeDurable, ensureDurable, type RunningConsumer } from '../infra/durable-consumer.js';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { CLIENT_ID_HEADER, type Decision, type Names, type NotifyJob } from '@tareks/schemas';
import { deliveryIdOf } from './delivery-id.js';
import type { CallbackDirectory } from './notify.worker.js';

export const NOTIFIER_DURABLE = 'notifier';

/**
 * Durable consumer of decisions: every decision whose lodging client has a callback becomes one `notify` job
 * (jobId = delivery id). The message is acknowledged only after the job was added, so no decision is skipped.
 */
export class NotifyEnqueuer {
  private running: RunningConsumer | null = null;
  /** Last hand-off per declaration: versions of one declaration are enqueued in the order their decisions arrived. */
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly names: Names,
    private readonly queue: Queue<NotifyJob>,
    private readonly clients: CallbackDirectory,
    private readonly logger: Logger,
    private readonly maxAckPending: number,
  ) {}

  async start(): Promise<void> {
    const stream = this.names.streams.decisions;
    // Only decisions made from now on: callbacks configured today are not owed for last year's decisions.
    await ensureDurable(this.jsm, stream, NOTIFIER_DURABLE, this.maxAckPending, { deliver_policy: DeliverPolicy.New });
    this.running = await consumeDurable(this.js, stream, NOTIFIER_DURABLE, this.maxAckPending, (msg) => this.handle(msg));
  }

  async stop(): Promise<void> {
    await this.running?.stop();
  }

  private async handle(msg: JsMsg): Promise<void> {
    const clientId = msg.headers?.get(CLIENT_ID_HEADER);
    let callback: boolean;
    try {
      callback = !!clientId && !!(await this.clients.callbackOf(clientId));
    } catch (err) {
      this.logger.warn({ err, clientId }, 'client lookup failed, will retry');
      msg.nak(1_000);
      return;
    }
    // Clients that poll or wait for their decisions are owed no callback: their decisions are acknowledged unread.
    if (!clientId || !callback) {
      msg.ack();
      return;
    }
    let decision: Decision;
    try {
      decision = msg.json<Decision>();
    } catch {
      msg.term();
      return;
    }
    const previous = this.tails.get(decision.declarationId);
    const done = (previous ?? Promise.resolve()).then(() => this.enqueue(msg, clientId, decision));
    this.tails.set(decision.declarationId, done);
    await done;
    if (this.tails.get(decision.declarationId) === done) this.tails.delete(decision.declarationId);
  }

  private async enqueue(msg: JsMsg, clientId: string, decision: Decision): Promise<void> {
    try {
      const deliveryId = deliveryIdOf(clientId, decision.declarationId, decision.version);
      const job: NotifyJob = {
        notification: { deliveryId, clientId, declarationId: decision.declarationId, version: decision.version, decision },
        enqueuedAt: new Date().toISOString(),
      };
      await this.queue.add('decision', job, { jobId: deliveryId });
      msg.ack();
    } catch (err) {
      this.logger.warn({ err, declarationId: decision.declarationId, version: decision.version }, 'notification hand-off failed, will retry');
      msg.nak(Math.min(30_000, 500 * 2 ** Math.min(msg.info.deliveryCount, 6)));
    }
  }
}
