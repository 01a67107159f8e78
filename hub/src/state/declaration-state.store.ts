import type { KV } from '@nats-io/kv';
import type { DeclarationState, DeclarationStatus } from '@tareks/schemas';

const RANK: Record<DeclarationStatus, number> = { RECEIVED: 0, ENRICHING: 1, SCORING: 2, FAILED: 3, DECIDED: 4, SUPERSEDED: 5 };

/** True when `next` may replace `current`: a higher version, or the same version further along. Never backwards. */
export function isForward(current: DeclarationState | null, next: DeclarationState): boolean {
  if (!current) return true;
  if (next.version !== current.version) return next.version > current.version;
  return RANK[next.status] > RANK[current.status];
}

/** Latest state per declaration id in NATS KV, changed only forward with compare-and-set. */
export class DeclarationStateStore {
  constructor(private readonly kv: KV) {}

  async get(id: string): Promise<DeclarationState | null> {
    const e = await this.kv.get(id);
    return e && e.operation === 'PUT' ? (e.json<DeclarationState>()) : null;
  }

  /** Writes `next` if it moves the state forward; returns whether it was written. Retries on concurrent writers. */
  async advance(next: DeclarationState): Promise<boolean> {
    for (;;) {
      const e = await this.kv.get(next.id);
      const current = e && e.operation === 'PUT' ? e.json<DeclarationState>() : null;
      if (!isForward(current, next)) return false;
      try {
        if (e) await this.kv.update(next.id, JSON.stringify(next), e.revision);
        else await this.kv.create(next.id, JSON.stringify(next));
        return true;
      } catch (err) {
        if (!isWrongRevision(err)) throw err;
      }
    }
  }
}

function isWrongRevision(err: unknown): boolean {
  const text = String((err as Error)?.message ?? err);
  return /wrong last sequence|key exists|10071|10164/i.test(text);
}
