import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { Queue, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { MetricsSnapshot, Names, QueueCounts, StreamCounts } from '@tareks/schemas';
import { bounded } from './bounded.js';
import { natsHealth, redisHealth } from './broker-health.js';
import { connectorStats } from './connector-stats.js';
import { QueueRates } from './queue-rates.js';

export type PipelineSnapshot = Pick<MetricsSnapshot, 'queues' | 'streams' | 'connectors' | 'nats' | 'redis'>;

export interface PipelineStatsOptions {
  readonly nc: NatsConnection;
  readonly jsm: JetStreamManager;
  readonly names: Names;
  readonly redisUrl: string;
  /** BullMQ connection for the queue event readers (blocking reads, one connection per queue). */
  readonly connection: ConnectionOptions;
  readonly logger: Logger;
}

/** Longest a part of the snapshot may take; a tick is one second, and a part that misses it is left out of that tick. */
const PART_TIMEOUT_MS = 800;

/**
 * Queue depths and rates, stream and consumer counts, connector stats and broker status for `metrics.v1`, read once per
 * tick for every connected dashboard (never per tab). A part that fails or stalls (Redis down, NATS reconnecting) is
 * left empty and its broker reported down; the rest of the snapshot still goes out.
 */
export class PipelineStats {
  private readonly redis: Redis;
  private readonly queues: Array<{ queue: Queue; rates: QueueRates }>;

  constructor(private readonly o: PipelineStatsOptions) {
    // Fails a command after one reconnect attempt instead of queueing it, so a Redis outage shows within a tick.
    this.redis = new Redis(o.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
    this.redis.on('error', () => undefined);
    this.queues = Object.values(o.names.queues).map((name) => ({
      queue: new Queue(name, { connection: this.redis, prefix: o.names.bullPrefix }),
      rates: new QueueRates(name, o.connection, o.names.bullPrefix, o.logger),
    }));
  }

  async read(): Promise<PipelineSnapshot> {
    const [queues, streams, connectors, nats, redis] = await Promise.all([
      this.queueCounts().catch(() => ({})),
      bounded(this.streamCounts(), PART_TIMEOUT_MS, 'JetStream').catch(() => ({})),
      bounded(connectorStats(this.o.nc, this.o.names.ns), PART_TIMEOUT_MS, 'connector stats').catch(() => []),
      natsHealth(this.o.nc, this.o.jsm),
      redisHealth(this.redis),
    ]);
    return { queues, streams, connectors, nats, redis };
  }

  private async queueCounts(): Promise<Record<string, QueueCounts>> {
    const out: Record<string, QueueCounts> = {};
    await Promise.all(
      this.queues.map(async ({ queue, rates }) => {
        const c = await bounded(queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'waiting-children', 'failed', 'completed'), PART_TIMEOUT_MS, 'Redis');
        out[queue.name] = {
          waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
          active: c.active ?? 0,
          delayed: c.delayed ?? 0,
          waitingChildren: c['waiting-children'] ?? 0,
          failed: c.failed ?? 0,
          completed: c.completed ?? 0,
          ...rates.rates(),
        };
      }),
    );
    return out;
  }

  private async streamCounts(): Promise<Record<string, StreamCounts>> {
    const out: Record<string, StreamCounts> = {};
    await Promise.all(
      Object.values(this.o.names.streams).map(async (name) => {
        const info = await this.o.jsm.streams.info(name).catch(() => null);
        if (!info) return;
        const s: StreamCounts = { messages: info.state.messages, bytes: info.state.bytes, consumerPending: 0, ackPending: 0, redelivered: 0, consumers: [] };
        for await (const c of this.o.jsm.consumers.list(name)) {
          s.consumerPending += c.num_pending;
          s.ackPending += c.num_ack_pending;
          s.redelivered += c.num_redelivered;
          s.consumers.push({
            name: c.name,
            durable: Boolean(c.config.durable_name),
            pending: c.num_pending,
            ackPending: c.num_ack_pending,
            redelivered: c.num_redelivered,
            waiting: c.num_waiting,
          });
        }
        s.consumers.sort((a, b) => Number(b.durable) - Number(a.durable) || a.name.localeCompare(b.name));
        out[name] = s;
      }),
    );
    return out;
  }

  async close(): Promise<void> {
    for (const { queue, rates } of this.queues) {
      await rates.close();
      await queue.close();
    }
    this.redis.disconnect();
  }
}
