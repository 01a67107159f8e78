import { QueueEvents, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';

/** Rates are measured over this window: long enough to smooth bursts, short enough to follow a wall display. */
const WINDOW_MS = 10_000;

interface Sample {
  readonly at: number;
  readonly completed: number;
  readonly failed: number;
}

/**
 * Completions and final failures of one BullMQ queue, counted from its event stream (so every worker process of the
 * cluster counts, and the pruning of the completed set by age does not distort them), as per-second rates.
 */
export class QueueRates {
  private readonly events: QueueEvents;
  private completed = 0;
  private failed = 0;
  private samples: Sample[] = [];

  constructor(name: string, connection: ConnectionOptions, prefix: string, logger: Logger) {
    this.events = new QueueEvents(name, { connection, prefix });
    this.events.on('completed', () => void this.completed++);
    this.events.on('failed', () => void this.failed++);
    this.events.on('error', (err) => logger.warn({ err, queue: name }, 'queue events error'));
  }

  /** Rates over the last window (0 until a second sample exists). */
  rates(now = Date.now()): { completedPerSecond: number; failedPerSecond: number } {
    this.samples.push({ at: now, completed: this.completed, failed: this.failed });
    while (this.samples.length > 2 && this.samples[1]!.at <= now - WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    const seconds = (now - first.at) / 1000;
    if (seconds <= 0) return { completedPerSecond: 0, failedPerSecond: 0 };
    return { completedPerSecond: (this.completed - first.completed) / seconds, failedPerSecond: (this.failed - first.failed) / seconds };
  }

  async close(): Promise<void> {
    await this.events.close();
  }
}
