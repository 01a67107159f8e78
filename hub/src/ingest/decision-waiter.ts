import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import type { Decision } from '@tareks/schemas';

/**
 * Lets a request wait for the decision of one declaration version. Listens to every decision subject with a
 * plain subscription (each API process sees all decisions) and parses only those somebody waits for.
 */
export class DecisionWaiter {
  private readonly waiting = new Map<string, Set<(d: Decision) => void>>();
  private readonly sub: Subscription;

  constructor(nc: NatsConnection, decisionSubjects: string) {
    this.sub = nc.subscribe(decisionSubjects, {
      callback: (err, msg) => {
        if (err) return;
        const key = msg.headers?.get('Nats-Msg-Id');
        const resolvers = key ? this.waiting.get(key) : undefined;
        if (!resolvers) return;
        const decision = msg.json<Decision>();
        for (const resolve of resolvers) resolve(decision);
      },
    });
  }

  /** Resolves with the decision, or null after `ms`. Register before publishing so nothing slips between. */
  wait(key: string, ms: number): { promise: Promise<Decision | null>; cancel(): void } {
    let resolveFn!: (d: Decision | null) => void;
    const promise = new Promise<Decision | null>((r) => (resolveFn = r));
    const set = this.waiting.get(key) ?? new Set();
    this.waiting.set(key, set);
    const done = (d: Decision | null): void => {
      clearTimeout(timer);
      set.delete(onDecision);
      if (set.size === 0 && this.waiting.get(key) === set) this.waiting.delete(key);
      resolveFn(d);
    };
    const onDecision = (d: Decision): void => done(d);
    set.add(onDecision);
    const timer = setTimeout(() => done(null), ms);
    return { promise, cancel: () => done(null) };
  }

  close(): void {
    this.sub.unsubscribe();
  }
}
