import type { KV } from '@nats-io/kv';
import { NO_HISTORY, type TraderStats } from '@tareks/scoring';
import { isKvConflict } from '../infra/kv-conflict.js';

const CAS_ATTEMPTS = 20;

/** Adds one inspection (and a non-compliance when found) to a trader's record in the traders KV, by compare-and-set. */
export async function addInspection(traders: KV, taxId: string, nonCompliant: boolean): Promise<void> {
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const e = await traders.get(taxId);
    const cur = e && e.operation === 'PUT' ? e.json<TraderStats>() : NO_HISTORY;
    const next: TraderStats = { declarations: cur.declarations, inspections: cur.inspections + 1, nonCompliant: cur.nonCompliant + (nonCompliant ? 1 : 0) };
    try {
      if (e) await traders.update(taxId, JSON.stringify(next), e.revision);
      else await traders.create(taxId, JSON.stringify(next));
      return;
    } catch (err) {
      // the score workers' declaration counts won the compare-and-set: read again
      if (!isKvConflict(err)) throw err;
    }
  }
  throw new Error(`trader ${taxId}: history update gave up after ${CAS_ATTEMPTS} conflicts`);
}
