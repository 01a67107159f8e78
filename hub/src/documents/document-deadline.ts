import { Job, Queue, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { Names, ScoreJob } from '@tareks/schemas';

export interface DocumentDeadlineOptions {
  readonly connection: ConnectionOptions;
  readonly names: Names;
  /** DOCUMENT_DEADLINE_MS: from the flow's creation to the moment its unread documents are given up, ms. */
  readonly deadlineMs: number;
  /** Time between sweeps, ms. Default a quarter of the deadline, between 250 ms and 15 s. */
  readonly everyMs?: number;
  readonly logger: Logger;
}

/** Score jobs examined per page of the waiting-children set. */
const PAGE = 500;

/**
 * Gives up the documents nobody is reading. The ocr worker enforces the deadline of a job it holds, but a job no
 * worker ever takes — no `ocr-worker` role running anywhere, or every one of them down — would hold its score job in
 * `waiting-children` forever. Each sweep takes the score jobs waiting past the deadline and removes their children
 * that were not processed and are not held by a worker (`removeUnprocessedChildren`, one Lua script); BullMQ then
 * moves the parent to `wait`, and the score worker decides without those documents (DOCUMENTS_TIMED_OUT). Sweeps
 * from several processes are harmless: a removed child is simply gone for the next one.
 */
export class DocumentDeadlineSweeper {
  private readonly queue: Queue<ScoreJob>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: DocumentDeadlineOptions) {
    this.queue = new Queue<ScoreJob>(o.names.queues.score, { connection: o.connection, prefix: o.names.bullPrefix });
    this.queue.on('error', (err) => o.logger.warn({ err }, 'document deadline queue error'));
  }

  start(): void {
    const every = this.o.everyMs ?? Math.min(15_000, Math.max(250, Math.floor(this.o.deadlineMs / 4)));
    this.timer = setInterval(() => {
      this.running = this.sweep().catch((err: unknown) => this.o.logger.warn({ err }, 'document deadline sweep failed'));
    }, every);
    this.timer.unref();
  }

  /** One pass; returns the score jobs whose unread documents were given up. */
  async sweep(): Promise<number> {
    const cutoff = Date.now() - this.o.deadlineMs;
    const expired: string[] = [];
    // Oldest first: the set is ordered by creation, so the first job inside the deadline ends the scan.
    for (let start = 0; ; start += PAGE) {
      const jobs = await this.queue.getWaitingChildren(start, start + PAGE - 1);
      const due = jobs.filter((j) => j.timestamp <= cutoff);
      expired.push(...due.map((j) => j.id!).filter(Boolean));
      if (jobs.length < PAGE || due.length < jobs.length) break;
    }
    let released = 0;
    for (const id of expired) {
      const job = await Job.fromId<ScoreJob>(this.queue, id);
      if (!job) continue;
      await job.removeUnprocessedChildren();
      released++;
      const d = job.data.declaration;
      this.o.logger.warn({ declarationId: d.id, version: d.version, deadlineMs: this.o.deadlineMs }, 'documents not read by their deadline; deciding without them');
    }
    return released;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.queue.close();
  }
}
