import type { KV } from '@nats-io/kv';
import type { ReplayRecord } from '@tareks/schemas';
import { isKvConflict } from '../infra/kv-conflict.js';

/** Replays of each dead letter in NATS KV (key = dead-letter id): the original and its replays stay linked. */
export class ReplayHistory {
  constructor(readonly kv: KV) {}

  async get(deadLetterId: string): Promise<ReplayRecord[]> {
    const e = await this.kv.get(deadLetterId);
    return e && e.operation === 'PUT' ? e.json<ReplayRecord[]>() : [];
  }

  /** Appends with compare-and-set, so concurrent replays of one dead letter each keep their record. */
  async append(deadLetterId: string, record: ReplayRecord): Promise<void> {
    for (;;) {
      const e = await this.kv.get(deadLetterId);
      const current = e && e.operation === 'PUT' ? e.json<ReplayRecord[]>() : [];
      const next = JSON.stringify([...current, record]);
      try {
        if (e) await this.kv.update(deadLetterId, next, e.revision);
        else await this.kv.create(deadLetterId, next);
        return;
      } catch (err) {
        if (!isKvConflict(err)) throw err;
      }
    }
  }
}
