import type { JetStreamManager } from '@nats-io/jetstream';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { Names } from '@tareks/schemas';
import { ORCHESTRATOR_DURABLE } from '../pipeline/orchestrator.js';

/** How often the backlog is measured; ingest decisions use the latest reading. */
const SAMPLE_EVERY_MS = 500;

/**
 * Measures what the pipeline holds and has not decided yet (declarations not yet handed to scoring, score jobs
 * waiting) so ingest can refuse work it cannot absorb instead of buffering without limit.
 */
export class BacklogMonitor {
  private backlog = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly jsm: JetStreamManager,
    private readonly names: Names,
    private readonly scoreQueue: Queue,
    readonly limit: number,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => void this.sample(), SAMPLE_EVERY_MS);
    this.timer.unref();
  }

  get current(): number {
    return this.backlog;
  }

  get overLimit(): boolean {
    return this.backlog > this.limit;
  }

  async sample(): Promise<number> {
    try {
      const [consumer, counts] = await Promise.all([
        this.jsm.consumers.info(this.names.streams.declarations, ORCHESTRATOR_DURABLE).catch(() => null),
        this.scoreQueue.getJobCounts('waiting', 'prioritized', 'delayed'),
      ]);
      const next = (consumer ? consumer.num_pending + consumer.num_ack_pending : 0) + (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0);
      if ((next > this.limit) !== (this.backlog > this.limit)) this.logger.warn({ backlog: next, limit: this.limit }, next > this.limit ? 'backlog over limit: refusing new declarations' : 'backlog drained: accepting again');
      this.backlog = next;
    } catch (err) {
      this.logger.warn({ err }, 'backlog sample failed');
    }
    return this.backlog;
  }

  close(): void {
    clearInterval(this.timer);
  }
}
