import type { Msg, NatsConnection, Subscription } from '@nats-io/nats-core';
import { PubHeaders } from '@nats-io/jetstream';
import { DECISION_LANE_HEADER, DECISION_TOTAL_MS_HEADER, versionKey, type Decision, type Lane } from '@tareks/schemas';

/**
 * One decision as it passed on the feed. Its key, lane and latency come from the message headers the score worker
 * sets; the body is parsed on first use and once, so a listener that only counts, or waits for another key, costs
 * no parse.
 */
export class FeedDecision {
  private parsed: Decision | undefined;

  constructor(private readonly msg: Msg) {}

  /** `id:version`. */
  get key(): string {
    const header = this.msg.headers?.get(PubHeaders.MsgIdHdr);
    if (header) return header;
    const d = this.decision();
    return versionKey(d.declarationId, d.version);
  }

  get lane(): Lane {
    return (this.msg.headers?.get(DECISION_LANE_HEADER) as Lane | undefined) || this.decision().lane;
  }

  get totalMs(): number {
    const header = this.msg.headers?.get(DECISION_TOTAL_MS_HEADER);
    return header ? Number(header) : this.decision().timings.totalMs;
  }

  decision(): Decision {
    this.parsed ??= this.msg.json<Decision>();
    return this.parsed;
  }
}

export type DecisionListener = (decision: FeedDecision) => void;

/**
 * Every decision as it is published, read once per API process with a plain subscription, for the listeners that
 * need them live (requests waiting for their decision, the dashboards).
 */
export class DecisionFeed {
  private readonly listeners = new Set<DecisionListener>();
  private readonly sub: Subscription;

  constructor(nc: NatsConnection, decisionSubjects: string) {
    this.sub = nc.subscribe(decisionSubjects, {
      callback: (err, msg) => {
        if (err) return;
        const decision = new FeedDecision(msg);
        for (const l of this.listeners) l(decision);
      },
    });
  }

  on(listener: DecisionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.sub.unsubscribe();
  }
}
