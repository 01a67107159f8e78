import type { KV } from '@nats-io/kv';
import { addToTally, smoothingOf, type HistorySnapshot, type HistorySource, type HistoryTotals, type Tally } from '@tareks/scoring';
import { isKvConflict } from '../infra/kv-conflict.js';
import { KvReadCache } from './kv-read-cache.js';

/** Key of the totals (all outcomes counted): the base rate every smoothed rate is pulled towards. */
export const TOTALS_KEY = 'totals';
const CAS_ATTEMPTS = 20;
/** Keys a worker keeps cached (least recently used go first), so its memory stays bounded whatever the key space. */
const MAX_CACHED = 200_000;

/** History keys carry any brand text; in KV they go base64url-encoded behind a fixed prefix. */
export const historyKvKey = (key: string): string => `k.${Buffer.from(key, 'utf8').toString('base64url')}`;

export interface LabelHistoryStoreOptions {
  /** How long a read stays cached in a score worker, in ms; default 60 000 (the tallies count outcomes by week). */
  readonly readCacheMs?: number;
}

/**
 * The label history of live traffic in NATS KV: one tally per history key (the keys and arithmetic of the offline
 * features, `@tareks/scoring` history-tally), written by the outcome projector by compare-and-set, read by every
 * score worker. Derived state: rebuildable from the outcomes and scores streams.
 */
export class LabelHistoryStore implements HistorySource {
  private readonly smoothing = smoothingOf();
  private readonly reads: KvReadCache<Tally | HistoryTotals>;

  constructor(
    private readonly kv: KV,
    o: LabelHistoryStoreOptions = {},
  ) {
    this.reads = new KvReadCache(kv, o.readCacheMs ?? 60_000, MAX_CACHED);
  }

  async read(keys: readonly string[]): Promise<HistorySnapshot> {
    const [totals, ...tallies] = await Promise.all([this.reads.get(TOTALS_KEY), ...keys.map((k) => this.reads.get(historyKvKey(k)))]);
    return { totals: (totals as HistoryTotals | undefined) ?? { n: 0, pos: 0 }, tallies: tallies as (Tally | undefined)[] };
  }

  /** Adds one outcome, found in `week` (epoch weeks), to the totals and to the tally of every key. */
  async addOutcome(keys: readonly string[], nonCompliant: boolean, week: number): Promise<void> {
    await Promise.all([
      this.change<HistoryTotals>(TOTALS_KEY, (t) => ({ n: (t?.n ?? 0) + 1, pos: (t?.pos ?? 0) + (nonCompliant ? 1 : 0) })),
      ...keys.map((k) => this.change<Tally>(historyKvKey(k), (t) => addToTally(t, nonCompliant, week, this.smoothing))),
    ]);
  }

  private async change<T>(kvKey: string, next: (cur: T | undefined) => T): Promise<void> {
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const e = await this.kv.get(kvKey);
      const cur = e && e.operation === 'PUT' ? e.json<T>() : undefined;
      try {
        if (e) await this.kv.update(kvKey, JSON.stringify(next(cur)), e.revision);
        else await this.kv.create(kvKey, JSON.stringify(next(cur)));
        return;
      } catch (err) {
        // another projector counted an outcome of the same key first: read again
        if (!isKvConflict(err)) throw err;
      }
    }
    throw new Error(`label history ${kvKey}: update gave up after ${CAS_ATTEMPTS} conflicts`);
  }
}
