import type { DeclarationState, TimelineEvent, TimelineStage } from '@tareks/schemas';

/**
 * Oldest first by `at`; events with the same instant keep stream order (the sort is stable), which is the order one
 * process appended them in.
 */
export const byTime = (events: readonly TimelineEvent[]): TimelineEvent[] => [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

/**
 * The stream events plus what the state of record proves happened but the timeline does not hold (an event lost in
 * a NATS outage, or aged out): RECEIVED from the state, ENRICHED / SCORED / DECIDED from the decision's timings.
 */
export function mergeWithState(events: readonly TimelineEvent[], state: DeclarationState | null): TimelineEvent[] {
  if (!state) return byTime(events);
  const has = (version: number, stage: TimelineStage) => events.some((e) => e.version === version && e.stage === stage);
  const id = state.id;
  const derived: TimelineEvent[] = [];
  const add = (e: Omit<TimelineEvent, 'declarationId' | 'derived'>) => {
    if (!has(e.version, e.stage)) derived.push({ declarationId: id, ...e, derived: true });
  };
  add({ version: state.version, stage: 'RECEIVED', at: state.receivedAt });
  const d = state.decision;
  if (d) {
    const t = d.timings;
    const decidedMs = Date.parse(t.decidedAt);
    add({ version: d.version, stage: 'ENRICHED', at: new Date(Math.max(Date.parse(t.receivedAt), decidedMs - t.scoreMs)).toISOString(), ms: t.enrichMs });
    add({ version: d.version, stage: 'SCORED', at: t.decidedAt, ms: t.scoreMs, modelVersion: d.modelVersion });
    add({ version: d.version, stage: 'DECIDED', at: t.decidedAt, ms: t.totalMs, lane: d.lane, modelVersion: d.modelVersion });
  }
  return byTime([...events, ...derived]);
}
