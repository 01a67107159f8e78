import { DiscardPolicy, RetentionPolicy, StorageType, type JetStreamManager, type StreamConfig } from '@nats-io/jetstream';
import type { Names } from '@tareks/schemas';

const DAY_NS = 24 * 60 * 60 * 1e9;

/**
 * Events kept per declaration: 20 documents, a few versions and ten callback attempts each stay far below it, while a
 * client that resubmits the same version in a loop cannot grow one declaration's timeline without bound.
 */
export const TIMELINE_EVENTS_PER_DECLARATION = 1_000;

export interface TimelineLimits {
  /** Age after which events are dropped, days. */
  readonly maxAgeDays: number;
  /** Size of the whole stream, bytes; the oldest events go first. */
  readonly maxBytes: number;
}

export function timelineStreamConfig(n: Names, limits: TimelineLimits): Partial<StreamConfig> & { name: string; subjects: string[] } {
  return {
    name: n.streams.timeline,
    subjects: [n.subjects.timelineAll],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    num_replicas: 1,
    max_age: limits.maxAgeDays * DAY_NS,
    max_bytes: limits.maxBytes,
    max_msgs_per_subject: TIMELINE_EVENTS_PER_DECLARATION,
  };
}

/** Creates the timeline stream, or brings an existing one to the configured limits (safe at every start). */
export async function ensureTimelineStream(jsm: JetStreamManager, n: Names, limits: TimelineLimits): Promise<void> {
  const cfg = timelineStreamConfig(n, limits);
  const existing = await jsm.streams.info(cfg.name).catch(() => null);
  if (!existing) await jsm.streams.add(cfg);
  else await jsm.streams.update(cfg.name, { ...existing.config, ...cfg });
}
