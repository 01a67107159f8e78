import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Logger } from 'pino';
import type { ClientToServerEvents, Decision, DecisionEvent, MetricsSnapshot, ServerToClientEvents } from '@tareks/schemas';
import type { DecisionFeed } from './decision-feed.js';
import { LiveWindow } from './live-window.js';
import { roomsFor } from '../session/socket-policy.js';

export type StatsSource = () => Promise<Pick<MetricsSnapshot, 'queues' | 'streams' | 'connectors' | 'nats' | 'redis'>>;

export function toDecisionEvent(d: Decision): DecisionEvent {
  const top = d.items.flatMap((i) => i.reasons).sort((a, b) => b.weight - a.weight)[0];
  return {
    declarationId: d.declarationId,
    version: d.version,
    customsOffice: d.customsOffice,
    kind: d.kind,
    domain: d.domain,
    lane: d.lane,
    itemCount: d.items.length,
    maxScore: Math.max(...d.items.map((i) => i.score)),
    ...(top ? { topReason: top } : {}),
    modelVersion: d.modelVersion,
    totalMs: d.timings.totalMs,
    decidedAt: d.timings.decidedAt,
  };
}

/** Pushes every decision (`decision.v1`) and a metrics snapshot each second (`metrics.v1`) to the dashboards. */
export class SocketGateway {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents>;
  private readonly off: () => void;
  private readonly window = new LiveWindow();
  private readonly ticker: NodeJS.Timeout;

  constructor(server: HttpServer, feed: DecisionFeed, stats: StatsSource, rejectedTotal: () => number, logger: Logger) {
    this.io = new Server(server, { path: '/socket.io', serveClient: false });
    this.off = feed.on((d) => {
      this.window.record(d.totalMs, d.lane);
      if (this.io.engine.clientsCount > 0) this.io.to(roomsFor('decision.v1')).emit('decision.v1', toDecisionEvent(d.decision()));
    });
    let reading = false;
    this.ticker = setInterval(() => {
      // One read per tick for all dashboards of this process; none while nobody watches or the last read is still out.
      if (reading || this.io.engine.clientsCount === 0) return;
      reading = true;
      stats()
        .then((s) => {
          const w = this.window.snapshot();
          this.io.to(roomsFor('metrics.v1')).emit('metrics.v1', {
            at: new Date().toISOString(),
            decisionsPerSecond: w.perSecond,
            decisionsTotal: w.total,
            lanes: { ...this.window.lanes },
            latencyMs: { p50: w.p50, p99: w.p99 },
            rejectedTotal: rejectedTotal(),
            ...s,
          });
        })
        .catch((err: unknown) => logger.warn({ err }, 'metrics snapshot failed'))
        .finally(() => (reading = false));
    }, 1000);
  }

  async close(): Promise<void> {
    clearInterval(this.ticker);
    this.off();
    await this.io.close();
  }
}
