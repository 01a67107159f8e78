import type { Queue } from 'bullmq';
import type { ScoreJob } from '@tareks/schemas';

interface Waiting {
  readonly job: ScoreJob;
  readonly jobId: string;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Hands score jobs to BullMQ in bulk: the jobs added while one `addBulk` is out (or in the same tick) go together in
 * the next, up to `maxBatch`, so a busy orchestrator pays one Redis round trip per batch instead of one per
 * declaration. Each caller still learns whether its own job went in; a failed batch fails every caller in it, and
 * each retries (the job id keeps a retry idempotent).
 */
export class ScoreHandOff {
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(
    private readonly queue: Pick<Queue<ScoreJob>, 'addBulk'>,
    private readonly maxBatch: number,
  ) {}

  add(job: ScoreJob, jobId: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ job, jobId, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        queueMicrotask(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        await this.queue.addBulk(batch.map((w) => ({ name: 'score', data: w.job, opts: { jobId: w.jobId } })));
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.flushing = false;
  }
}
