import type { NatsConnection } from '@nats-io/nats-core';
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import type { Names, TimelineEvent } from '@tareks/schemas';

/** A timeline event as a stage hands it over; `at` defaults to now. */
export type TimelineEventInput = Omit<TimelineEvent, 'at' | 'derived'> & { readonly at?: string };

/** Where the stages append what happened to a declaration. Never throws and never waits: the timeline is best-effort. */
export interface TimelineRecorder {
  record(...events: readonly TimelineEventInput[]): void;
}

const DECLARATION_ID = /^[0-9]{8}[A-Z]{2}[0-9A-Z]{6}$/;
const DETAIL_MAX = 300;

/**
 * Appends events with a core NATS publish on `<ns>.timeline.<id>`, which the timeline stream captures. No JetStream
 * ack is awaited, so a stage pays one buffered socket write; an event lost in a NATS outage is acceptable because
 * the timeline is an operator's view, not a record: the decision, its timings and the dead letters of record are
 * kept with acknowledged publishes, and the reader fills gaps from the decision of record.
 */
export class NatsTimelineRecorder implements TimelineRecorder {
  private readonly appended: Counter<'stage'>;
  private readonly dropped: Counter<'reason'>;

  constructor(
    private readonly nc: Pick<NatsConnection, 'publish'>,
    private readonly names: Names,
    private readonly logger: Logger,
    registry?: Registry,
  ) {
    const registers = registry ? [registry] : [];
    this.appended = new Counter({ name: 'tareks_timeline_events_total', help: 'Timeline events appended, by stage', labelNames: ['stage'], registers });
    this.dropped = new Counter({ name: 'tareks_timeline_dropped_total', help: 'Timeline events not appended, by reason', labelNames: ['reason'], registers });
  }

  record(...events: readonly TimelineEventInput[]): void {
    for (const e of events) {
      if (!DECLARATION_ID.test(e.declarationId)) {
        this.dropped.inc({ reason: 'invalid_id' });
        continue;
      }
      const event: TimelineEvent = {
        ...e,
        at: e.at ?? new Date().toISOString(),
        ...(e.detail && e.detail.length > DETAIL_MAX ? { detail: `${e.detail.slice(0, DETAIL_MAX - 1)}…` } : {}),
      };
      try {
        this.nc.publish(this.names.subjects.timeline(e.declarationId), JSON.stringify(event));
        this.appended.inc({ stage: e.stage });
      } catch (err) {
        this.dropped.inc({ reason: 'publish' });
        this.logger.debug({ err, declarationId: e.declarationId, stage: e.stage }, 'timeline event dropped');
      }
    }
  }
}
