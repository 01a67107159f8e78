import { randomUUID } from 'node:crypto';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { DeadLetterSummary, Declaration, Names, ReplayOutcome } from '@tareks/schemas';
import type { AdminApi } from './admin-api.js';

/**
 * Poison on `<ns>.decl.received`: text that is not JSON (cannot be repaired), a declaration with a broken GTİP, and an
 * envelope without `receivedAt` (both repaired by replaying the corrected declaration).
 */
export const POISON_KINDS = ['not-json', 'bad-gtip', 'no-received-at'] as const;
export type PoisonKind = (typeof POISON_KINDS)[number];

export const POISON_STAGE = 'orchestrate';
export const POISON_CODE = 'HUB_ERR_POISON_MESSAGE';

export interface Poison {
  readonly kind: PoisonKind;
  /** Exactly the bytes published, which the dead letter must keep. */
  readonly payload: string;
  /** The client named inside the message: the replayed decision's callback goes there. */
  readonly clientId?: string;
  /** The corrected declaration an admin replays it with; absent when it cannot be repaired. */
  readonly repair?: Declaration;
  publishedAt?: number;
  /** The dead letters holding this message (more than one when it was delivered again before its `term` landed). */
  readonly letters: Array<{ id: string; stage: string; code: string; attempts: number }>;
  replay?: ReplayOutcome;
  replayError?: string;
}

export function makePoison(kind: PoisonKind, clientId: string, d: Declaration): Poison {
  const receivedAt = new Date().toISOString();
  switch (kind) {
    case 'not-json':
      return { kind, letters: [], payload: `chaos poison ${randomUUID()} {"declaration": ` };
    case 'bad-gtip': {
      const broken = { ...d, items: d.items.map((item, i) => (i === 0 ? { ...item, gtip: '12' } : item)) };
      return { kind, clientId, repair: d, letters: [], payload: JSON.stringify({ declaration: broken, receivedAt, clientId, protocol: 'REST' }) };
    }
    case 'no-received-at':
      return { kind, clientId, repair: d, letters: [], payload: JSON.stringify({ declaration: d, clientId, protocol: 'SOAP' }) };
  }
}

/** Publishes a poison message straight onto the declarations subject, retrying (bounded) while NATS is away. */
export async function publishPoison(js: JetStreamClient, names: Names, p: Poison): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await js.publish(names.subjects.declReceived, p.payload);
      p.publishedAt = Date.now();
      return;
    } catch (err) {
      if (attempt >= 60) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/**
 * Finds each poison message among the dead letters (by its exact payload) and records the stage and code it got.
 * Returns the dead letters that hold none of them.
 */
export async function findPoisonLetters(admin: AdminApi, poisons: readonly Poison[], timeoutMs: number): Promise<DeadLetterSummary[]> {
  const byPayload = new Map(poisons.map((p) => [p.payload, p]));
  const checked = new Set<string>();
  const others: DeadLetterSummary[] = [];
  const deadline = Date.now() + timeoutMs;
  for (let first = true; first || (poisons.some((p) => !p.letters.length) && Date.now() < deadline); first = false) {
    for (const item of await admin.allDeadLetters()) {
      if (checked.has(item.id)) continue;
      checked.add(item.id);
      const letter = await admin.deadLetter(item.id);
      const p = byPayload.get(Buffer.from(letter.payload, 'base64').toString('utf8'));
      if (p) p.letters.push({ id: letter.id, stage: letter.stage, code: letter.error.code, attempts: letter.attempts });
      else others.push(item);
    }
    if (poisons.some((p) => !p.letters.length)) await new Promise((r) => setTimeout(r, 500));
  }
  return others;
}

/** Replays every repairable poison message through the admin API with its corrected declaration. */
export async function replayRepaired(admin: AdminApi, poisons: readonly Poison[]): Promise<void> {
  for (const p of poisons) {
    const letter = p.letters[0];
    if (!p.repair || !letter) continue;
    try {
      p.replay = await admin.replay(letter.id, p.repair);
    } catch (err) {
      p.replayError = (err as Error).message;
    }
  }
}
