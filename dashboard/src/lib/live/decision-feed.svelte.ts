import type { DecisionEvent } from '@tareks/schemas';
import { matches, NO_FILTER, type DecisionFilter } from './decision-filter.js';

export interface DecisionRow {
  /** Client-side sequence number: a stable key even if the same decision arrives twice. */
  readonly key: number;
  readonly event: DecisionEvent;
}

/**
 * The newest decisions, newest first, at most `capacity` of them.
 * Events arriving between two frames are applied in one update per animation frame, so the table
 * re-renders at most once a frame whatever the event rate (thousands per second).
 */
export class DecisionFeed {
  rows = $state.raw<readonly DecisionRow[]>([]);
  paused = $state(false);
  filter = $state.raw<DecisionFilter>(NO_FILTER);
  /** Every customs office seen so far, sorted, for the filter's choices. */
  offices = $state.raw<readonly string[]>([]);
  readonly capacity: number;
  #pending: DecisionEvent[] = [];
  #frame = 0;
  #seq = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  readonly push = (event: DecisionEvent): void => {
    if (!this.offices.includes(event.customsOffice)) this.offices = [...this.offices, event.customsOffice].sort();
    if (!matches(this.filter, event)) return;
    this.#pending.push(event);
    // Only the newest `capacity` can ever be shown, so a hidden tab (no frames) or a pause cannot grow memory.
    if (this.#pending.length >= 2 * this.capacity) this.#pending.splice(0, this.#pending.length - this.capacity);
    this.#schedule();
  };

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.#schedule();
  }

  /** Shows only decisions matching `filter` from now on; rows already shown that do not match are dropped. */
  setFilter(filter: DecisionFilter): void {
    this.filter = filter;
    this.#pending = this.#pending.filter((e) => matches(filter, e));
    this.rows = this.rows.filter((r) => matches(filter, r.event));
  }

  dispose(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  #schedule(): void {
    if (this.#frame === 0 && !this.paused && this.#pending.length > 0) this.#frame = requestAnimationFrame(this.#flush);
  }

  readonly #flush = (): void => {
    this.#frame = 0;
    if (this.paused) return;
    const fresh = this.#pending.slice(-this.capacity).reverse();
    this.#pending = [];
    const added = fresh.map((event) => ({ key: ++this.#seq, event }));
    this.rows = added.concat(this.rows.slice(0, this.capacity - added.length));
  };
}
