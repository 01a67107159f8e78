import type { DeadLetter, DeadLetterFilter, DeadLetterPage, DeadLetterSearch, DeadLetterSummary, ReplayRecord } from '@tareks/schemas';

type Entry = { -readonly [K in keyof DeadLetterSummary]: DeadLetterSummary[K] };

const DEFAULT_PAGE = 50;
/** Longest error message kept in memory per entry; the full one is in the stream. */
const MESSAGE_CHARS = 200;

/**
 * In-memory metadata of every dead letter (payloads stay in the stream, fetched by sequence). Entries are appended in
 * stream order, so "newest first" pages walk the array backwards from a cursor found by binary search; a filter is a
 * linear scan over compact objects (100 000 entries: see hub/test/deadletters/dead-letter.index.test.ts for timings).
 */
export class DeadLetterIndex {
  private readonly entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private readonly byDeclaration = new Map<string, Entry[]>();
  /** Replay history that arrived before its dead letter was indexed (the two come from different streams). */
  private readonly earlyReplays = new Map<string, readonly ReplayRecord[]>();

  get size(): number {
    return this.entries.length;
  }

  add(letter: DeadLetter, seq: number): void {
    if (this.byId.has(letter.id)) return;
    const early = this.earlyReplays.get(letter.id) ?? [];
    this.earlyReplays.delete(letter.id);
    const e: Entry = {
      id: letter.id,
      seq,
      stage: letter.stage,
      code: letter.error.code,
      message: letter.error.message.slice(0, MESSAGE_CHARS),
      attempts: letter.attempts,
      firstFailureAt: letter.firstFailureAt,
      lastFailureAt: letter.lastFailureAt,
      ...(letter.declarationId ? { declarationId: letter.declarationId } : {}),
      ...(letter.version ? { version: letter.version } : {}),
      ...(letter.customsOffice ? { customsOffice: letter.customsOffice } : {}),
      ...(letter.gtips ? { gtips: letter.gtips } : {}),
      replayCount: early.length,
      ...(early.length ? { lastReplayResult: early.at(-1)!.result } : {}),
    };
    this.entries.push(e);
    this.byId.set(e.id, e);
    if (e.declarationId) {
      const list = this.byDeclaration.get(e.declarationId);
      if (list) list.push(e);
      else this.byDeclaration.set(e.declarationId, [e]);
    }
  }

  /** Keeps the replay summary current (from the replay-history watch). */
  setReplays(id: string, replays: readonly ReplayRecord[]): void {
    const e = this.byId.get(id);
    if (!e) {
      this.earlyReplays.set(id, replays);
      return;
    }
    e.replayCount = replays.length;
    if (replays.length) e.lastReplayResult = replays.at(-1)!.result;
  }

  get(id: string): DeadLetterSummary | undefined {
    return this.byId.get(id);
  }

  search(s: DeadLetterSearch): DeadLetterPage {
    const match = predicate(s);
    const source = s.declarationId ? (this.byDeclaration.get(s.declarationId) ?? []) : this.entries;
    const limit = s.limit ?? DEFAULT_PAGE;
    const start = s.cursor ? lowerBound(source, s.cursor) - 1 : source.length - 1;
    const items: DeadLetterSummary[] = [];
    let total = 0;
    let nextCursor: number | undefined;
    for (let i = source.length - 1; i >= 0; i--) {
      const e = source[i]!;
      if (!match(e)) continue;
      total++;
      if (i > start) continue;
      if (items.length < limit) items.push({ ...e });
      else nextCursor ??= items.at(-1)!.seq;
    }
    return nextCursor ? { total, items, nextCursor } : { total, items };
  }

  /** Ids of every dead letter matching the filter, oldest first (the order a batch replays them). */
  matchIds(filter: DeadLetterFilter): string[] {
    const match = predicate(filter);
    const source = filter.declarationId ? (this.byDeclaration.get(filter.declarationId) ?? []) : this.entries;
    return source.filter(match).map((e) => e.id);
  }
}

/** First index whose seq is ≥ `seq` (entries are in ascending seq order). */
function lowerBound(entries: readonly Entry[], seq: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entries[mid]!.seq < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function predicate(f: DeadLetterFilter): (e: Entry) => boolean {
  // ISO-8601 UTC strings of the same shape compare correctly as text.
  const from = f.from ? new Date(f.from).toISOString() : undefined;
  const to = f.to ? new Date(f.to).toISOString() : undefined;
  return (e) =>
    (!f.stage || e.stage === f.stage) &&
    (!f.code || e.code === f.code) &&
    (!f.office || e.customsOffice === f.office) &&
    (!f.declarationId || e.declarationId === f.declarationId) &&
    (!from || e.lastFailureAt >= from) &&
    (!to || e.lastFailureAt <= to) &&
    (f.replayed === undefined || (e.replayCount > 0) === f.replayed) &&
    (!f.gtip || (e.gtips?.includes(f.gtip) ?? false));
}
