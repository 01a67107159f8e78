import { AckPolicy, DeliverPolicy, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { consumeDurable, type RunningConsumer } from '../infra/durable-consumer.js';
import type { FlowProducer, Queue } from 'bullmq';
import type { Logger } from 'pino';
import { ReceivedDeclaration, compile, versionJobId, type EnrichmentStep, type Names, type ScoreJob } from '@tareks/schemas';
import type { DeclarationStateStore } from '../state/declaration-state.store.js';
import type { DeadLetterPublisher } from './dead-letters.js';
import { EnrichmentUnavailableError, runEnrichment } from './enrichment-runner.js';
import { scoreFlow } from '../documents/document-flow.js';
import { ScoreHandOff } from './score-hand-off.js';
import { enrichedEvent } from '../timeline/timeline-events.js';
import type { TimelineRecorder } from '../timeline/timeline.recorder.js';

export interface OrchestratorOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly names: Names;
  readonly states: DeclarationStateStore;
  readonly scoreQueue: Queue<ScoreJob>;
  /**
   * Adds the flow of a declaration with documents: its score job waits for one ocr job per document. Without it
   * (or without documents) the score job is added alone and documents are not read.
   */
  readonly flows?: FlowProducer;
  readonly steps: readonly EnrichmentStep[];
  readonly deadLetters: DeadLetterPublisher;
  readonly logger: Logger;
  /** Unacknowledged declarations the consumer may hold; also this process's in-flight bound. */
  readonly maxAckPending: number;
  /** Most score jobs handed to BullMQ in one `addBulk`. Default 200. */
  readonly batchSize?: number;
  /** Deliveries before a declaration that keeps failing is dead-lettered. Default 10. */
  readonly maxDeliver?: number;
  /** How long a declaration waits for unavailable registries before it is decided without them, ms. Default 60 s. */
  readonly registryMaxWaitMs?: number;
  /** Timeout of one enrichment round, ms. Default 5 s. */
  readonly enrichTimeoutMs?: number;
  /** Where ENRICHED (with each registry's result) is appended to the declaration's timeline. */
  readonly timeline?: TimelineRecorder;
}

export const ORCHESTRATOR_DURABLE = 'orchestrator';
const validateReceived = compile<ReceivedDeclaration>(ReceivedDeclaration);
/**
 * The orchestrator's durable consumer is part of the topology: created with the streams by every process, so
 * the backlog it measures exists even before the first orchestrator runs.
 */
export async function ensureOrchestratorConsumer(jsm: JetStreamManager, names: Names, maxAckPending: number): Promise<void> {
  const config = {
    durable_name: ORCHESTRATOR_DURABLE,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: names.subjects.declReceived,
    ack_wait: 30e9,
    max_ack_pending: maxAckPending,
    max_deliver: -1,
  };
  const existing = await jsm.consumers.info(names.streams.declarations, ORCHESTRATOR_DURABLE).catch(() => null);
  if (existing) await jsm.consumers.update(names.streams.declarations, ORCHESTRATOR_DURABLE, { max_ack_pending: maxAckPending, ack_wait: config.ack_wait });
  else await jsm.consumers.add(names.streams.declarations, config);
}

/** Redelivery back-off of a nak, by delivery count (ms): quick first, then slower, capped. */
const backoffMs = (deliveries: number): number => Math.min(30_000, 250 * 2 ** Math.min(deliveries, 8));

/**
 * Reads accepted declarations from JetStream (durable pull consumer), enriches them, and hands each to the BullMQ
 * `score` queue (jobId = id:version). The message is acknowledged only after that hand-off succeeded.
 */
export class Orchestrator {
  private running: RunningConsumer | null = null;
  private readonly handOff: ScoreHandOff;

  constructor(private readonly o: OrchestratorOptions) {
    this.handOff = new ScoreHandOff(o.scoreQueue, o.batchSize ?? 200);
  }

  async start(): Promise<void> {
    const { jsm, js, names } = this.o;
    await ensureOrchestratorConsumer(jsm, names, this.o.maxAckPending);
    this.running = await consumeDurable(js, names.streams.declarations, ORCHESTRATOR_DURABLE, this.o.maxAckPending, (msg) => this.handle(msg));
  }

  /** Stops pulling, then lets the declarations in hand finish (their acks still go out). */
  async stop(): Promise<void> {
    await this.running?.stop();
  }

  private async handle(msg: JsMsg): Promise<void> {
    const parsed = safeJson(msg.data);
    const valid = parsed === undefined ? null : validateReceived(parsed);
    if (!valid || !valid.ok) {
      const detail = valid && !valid.ok ? `${valid.errors[0]?.pointer}: ${valid.errors[0]?.message}` : 'not JSON';
      await this.deadLetter(msg, 'HUB_ERR_POISON_MESSAGE', `unreadable declaration message (${detail})`);
      return;
    }
    const { declaration } = valid.value;
    try {
      await this.dispatch(valid.value);
      msg.ack();
    } catch (err) {
      const deliveries = msg.info.deliveryCount;
      if (deliveries >= (this.o.maxDeliver ?? 10) && !(err instanceof EnrichmentUnavailableError)) {
        await this.deadLetter(msg, 'HUB_ERR_ORCHESTRATION_FAILED', (err as Error).message, declaration);
        return;
      }
      this.o.logger.warn({ err, deliveries, declarationId: declaration.id, version: declaration.version }, 'hand-off failed, will retry');
      msg.nak(backoffMs(deliveries));
    }
  }

  /**
   * Enriches one accepted declaration and hands it to the score queue, unless it is already decided or superseded.
   * Used by the consumer and by the reconciliation pass; idempotent on id:version (the job id).
   */
  async dispatch(received: ReceivedDeclaration): Promise<'queued' | 'skipped'> {
    const { declaration, receivedAt, clientId, protocol } = received;
    const state = await this.o.states.get(declaration.id);
    if (state && (state.version > declaration.version || (state.version === declaration.version && state.status === 'DECIDED'))) {
      this.o.logger.debug({ declarationId: declaration.id, version: declaration.version, status: state.status, latest: state.version }, 'already decided or superseded');
      return 'skipped';
    }
    const ageMs = Date.now() - Date.parse(receivedAt);
    const enrichStarted = performance.now();
    const enrichment = await runEnrichment(this.o.steps, declaration, ageMs >= (this.o.registryMaxWaitMs ?? 60_000), this.o.enrichTimeoutMs ?? 5_000);
    const job: ScoreJob = { declaration, enrichment, receivedAt, clientId, protocol, enrichMs: performance.now() - enrichStarted };
    this.o.timeline?.record(enrichedEvent(declaration, enrichment, job.enrichMs));
    const jobId = versionJobId(declaration.id, declaration.version);
    if (protocol === 'REPLAY') {
      // A failed job with this id would make the add a no-op: the replay means "try again".
      const previous = await this.o.scoreQueue.getJob(jobId);
      if (previous && (await previous.isFailed())) await previous.remove();
    }
    if (declaration.documents.length && this.o.flows) {
      // A flow added again would add children to a parent that may have used them already (BullMQ #1793).
      if (!(await this.o.scoreQueue.getJob(jobId))) await this.o.flows.add(scoreFlow(job, this.o.names, this.o.scoreQueue.defaultJobOptions));
    } else {
      await this.handOff.add(job, jobId);
    }
    return 'queued';
  }

  private async deadLetter(msg: JsMsg, code: string, message: string, d?: ReceivedDeclaration['declaration']): Promise<void> {
    try {
      await this.o.deadLetters.publish({
        stage: 'orchestrate',
        subject: msg.subject,
        payload: msg.data,
        headers: msg.headers,
        code,
        message,
        attempts: msg.info.deliveryCount,
        dedupeKey: `${msg.info.stream}:${msg.seq}`,
        ...(d ? { declarationId: d.id, version: d.version, customsOffice: d.customsOffice, gtips: d.items.map((i) => i.gtip) } : {}),
      });
      // No reason argument: nats-server 2.9 redelivers a term that carries one.
      msg.term();
    } catch (err) {
      this.o.logger.error({ err }, 'dead letter publish failed; message will be redelivered');
      msg.nak(5_000);
    }
  }
}

function safeJson(data: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    return undefined;
  }
}
