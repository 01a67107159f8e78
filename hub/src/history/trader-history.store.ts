import type { KV } from '@nats-io/kv';
import type { Logger } from 'pino';
import { isKvConflict } from '../infra/kv-conflict.js';
import { NO_HISTORY, type TraderHistory, type TraderStats } from '@tareks/scoring';
import { KvReadCache } from './kv-read-cache.js';

/** How long a read stays cached in a worker; history moves slowly compared with scoring. */
const READ_CACHE_MS = 5_000;
/** Traders a worker keeps cached. */
const MAX_CACHED = 100_000;
/** Declarations seen are summed in memory and written this often, one compare-and-set per trader. */
const FLUSH_EVERY_MS = 1_000;

/**
 * Each trader's record in NATS KV (derived state, rebuildable from the decisions and outcomes streams).
 * Counts of declarations are batched per trader so a busy trader does not serialise the score workers.
 */
export class TraderHistoryStore implements TraderHistory {
  private readonly reads: KvReadCache<TraderStats>;
  private pending = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly kv: KV,
    private readonly logger: Logger,
  ) {
    this.reads = new KvReadCache(kv, READ_CACHE_MS, MAX_CACHED);
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  async get(taxId: string): Promise<TraderStats> {
    return (await this.reads.get(taxId)) ?? NO_HISTORY;
  }

  seen(taxId: string): void {
    this.pending.set(taxId, (this.pending.get(taxId) ?? 0) + 1);
  }

  /** Writes the summed counts; a batch that cannot be written (NATS restarting) goes back for the next flush. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const batch = this.pending;
      this.pending = new Map();
      await Promise.all(
        [...batch].map(([taxId, n]) =>
          this.add(taxId, { declarations: n, inspections: 0, nonCompliant: 0 }).catch((err: unknown) => {
            this.logger.warn({ err, taxId }, 'trader history not written yet, will retry');
            this.pending.set(taxId, (this.pending.get(taxId) ?? 0) + n);
          }),
        ),
      );
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async add(taxId: string, delta: TraderStats): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const e = await this.kv.get(taxId);
      const cur = e && e.operation === 'PUT' ? e.json<TraderStats>() : NO_HISTORY;
      const next: TraderStats = {
        declarations: cur.declarations + delta.declarations,
        inspections: cur.inspections + delta.inspections,
        nonCompliant: cur.nonCompliant + delta.nonCompliant,
      };
      try {
        if (e) await this.kv.update(taxId, JSON.stringify(next), e.revision);
        else await this.kv.create(taxId, JSON.stringify(next));
        return;
      } catch (err) {
        if (!isKvConflict(err)) throw err;
      }
    }
    this.logger.warn({ taxId }, 'trader history update gave up after repeated conflicts');
  }
}
