import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import type { Decision } from '@tareks/schemas';

export type DecisionListener = (decision: Decision) => void;

/**
 * Every decision as it is published, read once per API process with a plain subscription and parsed once, for
 * the listeners that need them live (requests waiting for their decision, the dashboards).
 */
export class DecisionFeed {
  private readonly listeners = new Set<DecisionListener>();
  private readonly sub: Subscription;

  constructor(nc: NatsConnection, decisionSubjects: string) {
    this.sub = nc.subscribe(decisionSubjects, {
      callback: (err, msg) => {
        if (err) return;
        const decision = msg.json<Decision>();
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
