import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { Queue } from 'bullmq';
import type { MetricsSnapshot, Names } from '@tareks/schemas';
import { connectorStats } from './connector-stats.js';

type QueueCounts = MetricsSnapshot['queues'][string];
type StreamCounts = MetricsSnapshot['streams'][string];

/** Queue and stream depths and connector stats for the live metrics, read once per tick for every connected dashboard. */
export async function pipelineStats(nc: NatsConnection, jsm: JetStreamManager, names: Names, queues: readonly Queue[]): Promise<Pick<MetricsSnapshot, 'queues' | 'streams' | 'connectors'>> {
  const q: Record<string, QueueCounts> = {};
  await Promise.all(
    queues.map(async (queue) => {
      const c = await queue.getJobCounts('waiting', 'active', 'failed', 'delayed');
      q[queue.name] = { waiting: c.waiting ?? 0, active: c.active ?? 0, failed: c.failed ?? 0, delayed: c.delayed ?? 0 };
    }),
  );
  const s: Record<string, StreamCounts> = {};
  await Promise.all(
    Object.values(names.streams).map(async (name) => {
      const info = await jsm.streams.info(name).catch(() => null);
      if (!info) return;
      let consumerPending = 0;
      let ackPending = 0;
      for await (const c of jsm.consumers.list(name)) {
        consumerPending += c.num_pending;
        ackPending += c.num_ack_pending;
      }
      s[name] = { messages: info.state.messages, consumerPending, ackPending };
    }),
  );
  return { queues: q, streams: s, connectors: await connectorStats(nc, names.ns) };
}
