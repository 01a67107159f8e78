import type { DeclarationRecord, TimelineEvent, TimelineStage } from '@tareks/schemas';
import { recordEvents } from './timeline-events.js';

/**
 * Oldest first by `at`; events with the same instant keep stream order (the sort is stable), which is the order one
 * process appended them in.
 */
export const byTime = (events: readonly TimelineEvent[]): TimelineEvent[] => [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

/**
 * The stream events plus the state of record: RECEIVED, SCORED and DECIDED of the current version come from the
 * record (the stages do not append them), and an ENRICHED the timeline does not hold (lost in a NATS outage, or aged
 * out) is rebuilt from the decision's timings and marked `derived`.
 */
export function mergeWithState(events: readonly TimelineEvent[], state: DeclarationRecord | null): TimelineEvent[] {
  if (!state) return byTime(events);
  const has = (version: number, stage: TimelineStage) => events.some((e) => e.version === version && e.stage === stage);
  const fromRecord: TimelineEvent[] = recordEvents(state)
    .filter((e) => !has(e.version, e.stage))
    .map((e) => ({ ...e, at: e.at ?? state.receivedAt }));
  const d = state.decision;
  if (d && d.version === state.version && !has(d.version, 'ENRICHED')) {
    const t = d.timings;
    const at = new Date(Math.max(Date.parse(t.receivedAt), Date.parse(t.decidedAt) - t.scoreMs)).toISOString();
    fromRecord.push({ declarationId: state.id, version: d.version, stage: 'ENRICHED', at, ms: t.enrichMs, derived: true });
  }
  return byTime([...events, ...fromRecord]);
}
