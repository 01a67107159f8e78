import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { versionKey, type Decision, type Names } from '@tareks/schemas';

/**
 * Watches decisions as they are published (a plain subscription, which reconnects with the harness's connection) to
 * time recoveries: when was the first decision seen after a given moment.
 */
export class DecisionWatch {
  private readonly arrivals: number[] = [];
  private readonly sub: Subscription;

  constructor(nc: NatsConnection, names: Names) {
    this.sub = nc.subscribe(names.subjects.decisionAll, { callback: () => void this.arrivals.push(Date.now()) });
  }

  get seen(): number {
    return this.arrivals.length;
  }

  /** Time of the first decision seen at or after `t`, if any (arrivals are in time order). */
  firstAfter(t: number): number | undefined {
    let lo = 0;
    let hi = this.arrivals.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.arrivals[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return this.arrivals[lo];
  }

  /** Waits (bounded) for a decision at or after `t`; resolves with its time or undefined. */
  async nextAfter(t: number, timeoutMs: number): Promise<number | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.firstAfter(t);
      if (at !== undefined || Date.now() > deadline) return at;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  close(): void {
    this.sub.unsubscribe();
  }
}

/** Every decision in the decisions stream (the system of record), counted per `id:version`. */
export async function decisionsOfRecord(js: JetStreamClient, jsm: JetStreamManager, names: Names): Promise<Map<string, Decision[]>> {
  const out = new Map<string, Decision[]>();
  const info = await jsm.streams.info(names.streams.decisions);
  if (info.state.messages === 0) return out;
  const consumer = await js.consumers.get(names.streams.decisions);
  const messages = await consumer.consume({ max_messages: 1000 });
  try {
    for await (const m of messages) {
      const d = m.json<Decision>();
      const key = versionKey(d.declarationId, d.version);
      out.set(key, [...(out.get(key) ?? []), d]);
      if (m.info.pending === 0 || m.seq >= info.state.last_seq) break;
    }
  } finally {
    await messages.close();
  }
  return out;
}
