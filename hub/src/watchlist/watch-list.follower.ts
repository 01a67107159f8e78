import type { KV, KvEntry } from '@nats-io/kv';
import type { Logger } from 'pino';
import { EMPTY_WATCH_LIST, WatchList, type WatchListRule } from '@tareks/scoring';
import type { WatchListEntry } from '@tareks/schemas';

export interface WatchListFollower {
  /** The list in force now; replaced as a whole on every change, so a job reads one consistent list. */
  current(): WatchList;
  stop(): Promise<void>;
}

/**
 * Keeps a score worker's watch list on the KV bucket: reads what is there at start, then applies every change as it
 * is written (no restart, no polling). An entry that cannot be read is logged and skipped.
 */
export async function followWatchList(kv: KV, logger: Logger): Promise<WatchListFollower> {
  const entries = new Map<string, WatchListRule>();
  let list = EMPTY_WATCH_LIST;
  const apply = (e: KvEntry): void => {
    if (e.operation === 'PUT') {
      try {
        const { kind, value, reason, until } = e.json<WatchListEntry>();
        entries.set(e.key, { kind, value, reason, ...(until ? { until } : {}) });
      } catch (err) {
        logger.warn({ err, key: e.key }, 'unreadable watch-list entry skipped');
        return;
      }
    } else entries.delete(e.key);
  };
  for await (const key of await kv.keys()) {
    const e = await kv.get(key);
    if (e) apply(e);
  }
  list = WatchList.of(entries.values());
  // Last values again, then changes: the snapshot above made the list ready, the watch keeps it current.
  const watch = await kv.watch();
  const done = (async () => {
    for await (const e of watch) {
      apply(e);
      // The replay of last values at start is rebuilt once, at its last entry (delta 0), not once per entry.
      if (e.isUpdate || !e.delta) list = WatchList.of(entries.values());
      if (e.isUpdate) logger.info({ key: e.key, operation: e.operation, entries: entries.size }, 'watch list changed');
    }
  })();
  return {
    current: () => list,
    async stop() {
      watch.stop();
      await done;
    },
  };
}
