import type { Decision } from '@tareks/schemas';
import type { DecisionFeed } from '../gateway/decision-feed.js';

/** Lets a request wait for the decision of one declaration version, as it passes on the live decision feed. */
export class DecisionWaiter {
  private readonly waiting = new Map<string, Set<(d: Decision) => void>>();
  private readonly off: () => void;

  constructor(feed: DecisionFeed) {
    this.off = feed.on((passed) => {
      const resolvers = this.waiting.get(passed.key);
      if (resolvers) for (const resolve of resolvers) resolve(passed.decision());
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
    this.off();
  }
}
