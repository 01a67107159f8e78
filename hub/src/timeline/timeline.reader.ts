import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { TimelineEvent, compile, type DeclarationTimeline, type Names, type TimelineShadow } from '@tareks/schemas';
import { scoredRecordOf } from '../outcomes/scored-records.js';
import { publicState, type DeclarationStateStore } from '../state/declaration-state.store.js';
import { TIMELINE_ERROR_CODES, TimelineError } from './timeline-error.js';
import { mergeWithState } from './timeline-merge.js';

/** Events one answer carries; a timeline holds at most TIMELINE_EVENTS_PER_DECLARATION, this keeps a page light. */
export const TIMELINE_READ_LIMIT = 500;
/** How long one read waits for the stream to hand over the events it announced, ms. */
const FETCH_EXPIRES_MS = 5_000;
/** The server drops a read's consumer after this idle time if its delete got lost, ms. */
const CONSUMER_IDLE_MS = 30_000;

const validEvent = compile<TimelineEvent>(TimelineEvent);

export interface TimelineReaderOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly names: Names;
  readonly states: DeclarationStateStore;
  readonly logger: Logger;
}

/** One declaration's timeline: its events from the timeline stream (ordered consumer on its subject) merged with the state of record. */
export class TimelineReader {
  constructor(private readonly o: TimelineReaderOptions) {}

  async read(id: string): Promise<DeclarationTimeline> {
    const [{ state: record }, { events, truncated }] = await Promise.all([this.o.states.read(id), this.events(id)]);
    if (!record && !events.length) throw new TimelineError(TIMELINE_ERROR_CODES.notFound, `declaration ${id} not found`, 404);
    const state = record && publicState(record);
    return { declarationId: id, state, events: mergeWithState(events, record), shadow: state?.decision ? await this.shadow(id, state.decision.version) : null, truncated };
  }

  /** The stored events of one declaration in stream order, unreadable ones skipped (and logged). */
  async events(id: string): Promise<{ events: TimelineEvent[]; truncated: boolean }> {
    const { js, names, logger } = this.o;
    const consumer = await js.consumers.get(names.streams.timeline, { filter_subjects: names.subjects.timeline(id), inactive_threshold: CONSUMER_IDLE_MS });
    try {
      // The ordered consumer was created with this read, so its creation info already counts the events.
      const pending = (await consumer.info(true)).num_pending;
      if (!pending) return { events: [], truncated: false };
      const want = Math.min(pending, TIMELINE_READ_LIMIT);
      const events: TimelineEvent[] = [];
      const messages = await consumer.fetch({ max_messages: want, expires: FETCH_EXPIRES_MS });
      let seen = 0;
      for await (const m of messages) {
        seen++;
        const parsed = validEvent(safeJson(m.data));
        if (parsed.ok && parsed.value.declarationId === id) events.push(parsed.value);
        else logger.warn({ declarationId: id, seq: m.seq }, 'unreadable timeline event skipped');
        if (seen >= want) break;
      }
      return { events, truncated: pending > want };
    } finally {
      void consumer.delete().catch(() => undefined);
    }
  }

  private async shadow(id: string, version: number): Promise<TimelineShadow | null> {
    const scored = await scoredRecordOf(this.o.jsm, this.o.names, id, version);
    if (!scored?.shadowVersion) return null;
    const items = scored.items.flatMap((i) => (i.shadowScore === undefined ? [] : [{ itemNo: i.itemNo, score: i.shadowScore }]));
    return items.length ? { modelVersion: scored.shadowVersion, items } : null;
  }
}

function safeJson(data: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    return undefined;
  }
}
