import type { KV } from '@nats-io/kv';
import { IngestError } from '@tareks/adapters';
import {
  compile, WATCH_LIST_VALUES, type AuditActor, type WatchListEntry, type WatchListEntryInput, type WatchListEntryUpdate, type WatchListKind,
} from '@tareks/schemas';
import type { AuditLog } from '../audit/audit.log.js';
import { isKvConflict } from '../infra/kv-conflict.js';
import { entryExists, entryNotFound } from './watch-list.errors.js';

const valueCheck = Object.fromEntries(
  Object.entries(WATCH_LIST_VALUES).map(([kind, schema]) => [kind, compile<string>(schema)]),
) as Record<WatchListKind, ReturnType<typeof compile<string>>>;

/** The stored form of a value: brands compare case-blind in Turkish, everything else as given. */
export const normaliseWatchValue = (kind: WatchListKind, value: string): string => (kind === 'BRAND' ? value.trim().toLocaleUpperCase('tr-TR') : value);

/** `<kind>.<base64url of the value>`: a valid KV key for any brand, and one entry per kind × value. */
export const watchListEntryId = (kind: WatchListKind, value: string): string =>
  `${kind.toLowerCase()}.${Buffer.from(normaliseWatchValue(kind, value), 'utf8').toString('base64url')}`;

/** Checks the value against its kind's format (check digits, prefix length, country code); errors point at `/value`. */
function checkValue(input: WatchListEntryInput): void {
  const r = valueCheck[input.kind](input.value);
  if (!r.ok) {
    const details = r.errors.map((e) => ({ ...e, pointer: '/value', message: `${input.kind}: ${e.message}` }));
    throw new IngestError(details[0]!.code, `Geçersiz izleme listesi değeri / invalid ${input.kind} value`, 400, details);
  }
}

/**
 * The watch list in NATS KV, one entry per kind × value. Admin-only; every change is audited as `watchlist.add`,
 * `watchlist.update` or `watchlist.remove` with the entry before and after. Score workers follow the bucket live.
 */
export class WatchListStore {
  constructor(
    private readonly kv: KV,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<WatchListEntry[]> {
    const out: WatchListEntry[] = [];
    for await (const key of await this.kv.keys()) {
      const e = await this.get(key);
      if (e) out.push(e);
    }
    return out.sort((a, b) => a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value));
  }

  async get(id: string): Promise<WatchListEntry | null> {
    const e = await this.kv.get(id);
    return e && e.operation === 'PUT' ? e.json<WatchListEntry>() : null;
  }

  async add(input: WatchListEntryInput, actor: AuditActor): Promise<WatchListEntry> {
    checkValue(input);
    const now = new Date().toISOString();
    const value = normaliseWatchValue(input.kind, input.value);
    const entry: WatchListEntry = {
      id: watchListEntryId(input.kind, value), kind: input.kind, value, reason: input.reason,
      ...(input.until ? { until: input.until } : {}), addedBy: actor, addedAt: now, updatedAt: now,
    };
    try {
      await this.kv.create(entry.id, JSON.stringify(entry));
    } catch (err) {
      if (!isKvConflict(err)) throw err;
      await this.audit.record({ actor, action: 'watchlist.add', target: entry.id, result: 'HUB_ERR_WATCH_LIST_EXISTS', details: { entry } });
      throw entryExists(entry.id);
    }
    await this.audit.record({ actor, action: 'watchlist.add', target: entry.id, result: 'OK', details: { after: entry } });
    return entry;
  }

  async update(id: string, change: WatchListEntryUpdate, actor: AuditActor): Promise<WatchListEntry> {
    const e = await this.kv.get(id);
    if (!e || e.operation !== 'PUT') throw entryNotFound(id);
    const before = e.json<WatchListEntry>();
    const { until: _old, ...rest } = before;
    const until = change.until === undefined ? before.until : change.until ?? undefined;
    const after: WatchListEntry = { ...rest, reason: change.reason, ...(until ? { until } : {}), updatedAt: new Date().toISOString() };
    // Compare-and-set: two admins editing at once cannot lose one change silently.
    await this.kv.update(id, JSON.stringify(after), e.revision);
    await this.audit.record({ actor, action: 'watchlist.update', target: id, result: 'OK', details: { before, after } });
    return after;
  }

  async remove(id: string, actor: AuditActor): Promise<void> {
    const e = await this.kv.get(id);
    if (!e || e.operation !== 'PUT') throw entryNotFound(id);
    await this.kv.delete(id, { previousSeq: e.revision });
    await this.audit.record({ actor, action: 'watchlist.remove', target: id, result: 'OK', details: { before: e.json<WatchListEntry>() } });
  }
}
