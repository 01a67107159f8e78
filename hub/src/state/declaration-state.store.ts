import type { KV } from '@nats-io/kv';
import type { DeclarationState, DeclarationStatus } from '@tareks/schemas';
import { isKvConflict } from '../infra/kv-conflict.js';

const RANK: Record<DeclarationStatus, number> = { RECEIVED: 0, ENRICHING: 1, SCORING: 2, FAILED: 3, DECIDED: 4, SUPERSEDED: 5 };

/** True when `next` may replace `current`: a higher version, or the same version further along. Never backwards. */
export function isForward(current: DeclarationState | null, next: DeclarationState): boolean {
  if (!current) return true;
  if (next.version !== current.version) return next.version > current.version;
  return RANK[next.status] > RANK[current.status];
}

export interface StateEntry {
  readonly state: DeclarationState | null;
  /** KV revision of the entry; 0 when there is none. */
  readonly revision: number;
}

/** Latest state per declaration id in NATS KV, changed only forward with compare-and-set. */
export class DeclarationStateStore {
  constructor(private readonly kv: KV) {}

  async get(id: string): Promise<DeclarationState | null> {
    return (await this.read(id)).state;
  }

  /** The state with its KV revision (0 when absent), to pass to `advance` and save it a read. */
  async read(id: string): Promise<StateEntry> {
    const e = await this.kv.get(id);
    return e && e.operation === 'PUT' ? { state: e.json<DeclarationState>(), revision: e.revision } : { state: null, revision: 0 };
  }

  /**
   * Writes `next` if it moves the state forward; returns whether it was written. Starts from `known` when the
   * caller has just read the entry, and re-reads only when a concurrent writer got there first.
   */
  async advance(next: DeclarationState, known?: StateEntry): Promise<boolean> {
    let entry = known ?? (await this.read(next.id));
    for (;;) {
      if (!isForward(entry.state, next)) return false;
      try {
        if (entry.revision) await this.kv.update(next.id, JSON.stringify(next), entry.revision);
        else await this.kv.create(next.id, JSON.stringify(next));
        return true;
      } catch (err) {
        if (!isKvConflict(err)) throw err;
      }
      entry = await this.read(next.id);
    }
  }
}
