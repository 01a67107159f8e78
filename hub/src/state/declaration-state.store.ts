import type { KV } from '@nats-io/kv';
import type { DeclarationRecord, DeclarationState, DeclarationStatus, Intake } from '@tareks/schemas';
import { isKvConflict } from '../infra/kv-conflict.js';

const RANK: Record<DeclarationStatus, number> = { RECEIVED: 0, ENRICHING: 1, SCORING: 2, FAILED: 3, DECIDED: 4, SUPERSEDED: 5 };

/** True when `next` may replace `current`: a higher version, or the same version further along. Never backwards. */
export function isForward(current: DeclarationState | null, next: DeclarationState): boolean {
  if (!current) return true;
  if (next.version !== current.version) return next.version > current.version;
  return RANK[next.status] > RANK[current.status];
}

/** The public state of a record (what status lookups, SOAP and the timeline show): without its intake. */
export function publicState(record: DeclarationRecord): DeclarationState {
  const { intake: _intake, ...state } = record;
  return state;
}

export interface StateEntry {
  readonly state: DeclarationRecord | null;
  /** KV revision of the entry; 0 when there is none. */
  readonly revision: number;
}

/** Latest state per declaration id in NATS KV, changed only forward with compare-and-set. */
export class DeclarationStateStore {
  constructor(private readonly kv: KV) {}

  async get(id: string): Promise<DeclarationState | null> {
    const { state } = await this.read(id);
    return state && publicState(state);
  }

  /** The record with its KV revision (0 when absent), to pass to `advance` and save it a read. */
  async read(id: string): Promise<StateEntry> {
    const e = await this.kv.get(id);
    return e && e.operation === 'PUT' ? { state: e.json<DeclarationRecord>(), revision: e.revision } : { state: null, revision: 0 };
  }

  /**
   * Writes `next` if it moves the state forward; returns whether it was written. A write of the same version keeps
   * the intake already recorded. Starts from `known` when the caller has just read the entry, and re-reads only when
   * a concurrent writer got there first.
   */
  async advance(next: DeclarationRecord, known?: StateEntry): Promise<boolean> {
    return this.change(next.id, known, (cur) => {
      if (!isForward(cur, next)) return null;
      const intake = next.intake ?? (cur?.version === next.version ? cur.intake : undefined);
      return intake ? { ...next, intake } : next;
    });
  }

  /**
   * A replayed version enters the pipeline again: back to RECEIVED with the intake of its new stream message, unless
   * it was decided or superseded meanwhile.
   */
  async reenter(id: string, version: number, intake: Intake, at: string, known?: StateEntry): Promise<boolean> {
    return this.change(id, known, (cur) => {
      if (!cur || cur.version !== version || RANK[cur.status] >= RANK.DECIDED) return null;
      return { ...cur, status: 'RECEIVED', updatedAt: at, intake };
    });
  }

  /** The version was dead-lettered before a decision: reconciliation leaves it alone until a replay brings it back. */
  async markFailed(id: string, version: number): Promise<boolean> {
    return this.change(id, undefined, (cur) => {
      if (!cur || cur.version !== version || !isForward(cur, { ...cur, status: 'FAILED' })) return null;
      return { ...cur, status: 'FAILED', updatedAt: new Date().toISOString() };
    });
  }

  /** Compare-and-set loop: `next` gives the record to write from the current one, or null to leave it. */
  private async change(id: string, known: StateEntry | undefined, next: (cur: DeclarationRecord | null) => DeclarationRecord | null): Promise<boolean> {
    let entry = known ?? (await this.read(id));
    for (;;) {
      const value = next(entry.state);
      if (!value) return false;
      try {
        if (entry.revision) await this.kv.update(id, JSON.stringify(value), entry.revision);
        else await this.kv.create(id, JSON.stringify(value));
        return true;
      } catch (err) {
        if (!isKvConflict(err)) throw err;
      }
      entry = await this.read(id);
    }
  }
}
