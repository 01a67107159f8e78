import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createWorld } from '@tareks/scoring';
import { versionKey, type Declaration, type ReceivedDeclaration } from '@tareks/schemas';
import { ensureBuckets, type HubBuckets } from '../src/infra/nats.js';
import type { Orchestrator } from '../src/pipeline/orchestrator.js';
import { Reconciler } from '../src/pipeline/reconciler.js';
import { DeclarationStateStore } from '../src/state/declaration-state.store.js';
import { openTestNamespace, type TestNamespace } from './warehouse/nats-namespace.js';

const logger = pino({ level: 'silent' });
let t: TestNamespace;
let buckets: HubBuckets;
let states: DeclarationStateStore;
const world = createWorld({ seed: 11, traders: 20, withDocuments: false });
const nextDeclaration = (): Declaration => world.nextDeclaration(new Date()).declaration;

/** Accepts a declaration as ingest does: the stream message, then its RECEIVED record with the sequence. */
async function accept(d: Declaration, msgID = versionKey(d.id, d.version), edited?: Partial<Declaration>): Promise<number> {
  const received: ReceivedDeclaration = { declaration: { ...d, ...edited }, receivedAt: new Date().toISOString(), clientId: 'customs-1', protocol: 'REST' };
  const { seq } = await t.js.publish(t.names.subjects.declReceived, JSON.stringify(received), { msgID });
  await states.advance({ id: d.id, version: d.version, status: 'RECEIVED', receivedAt: received.receivedAt, updatedAt: received.receivedAt, intake: { clientId: 'customs-1', protocol: 'REST', seq } });
  return seq;
}

/** A decision on the decisions stream, as the score worker publishes it (only its message id matters here). */
async function decide(d: Declaration): Promise<void> {
  await t.js.publish(t.names.subjects.decision(d.customsOffice, 'GREEN'), JSON.stringify({ declarationId: d.id, version: d.version }), { msgID: versionKey(d.id, d.version) });
}

function reconciler(dispatched: ReceivedDeclaration[]): Reconciler {
  const orchestrator = { dispatch: async (r: ReceivedDeclaration) => (dispatched.push(r), 'queued' as const) } as Pick<Orchestrator, 'dispatch'>;
  return new Reconciler({
    js: t.js, jsm: t.jsm, names: t.names, checkpoints: buckets.reconciler, states, orchestrator: orchestrator as Orchestrator, logger, minAgeMs: 0,
  });
}

beforeAll(async () => {
  t = await openTestNamespace();
  buckets = await ensureBuckets(t.nc, t.names);
  states = new DeclarationStateStore(buckets.declarations);
});

afterAll(async () => {
  await t?.drop();
});

describe('reconciliation from the streams', () => {
  it('hands off again only the accepted versions nobody decided, dead-lettered or superseded, and moves its checkpoint on', async () => {
    const decided = nextDeclaration();
    const deadLettered = nextDeclaration();
    const lost = nextDeclaration();
    const replayed = nextDeclaration();
    const superseded = nextDeclaration();
    await accept(decided);
    await decide(decided);
    await accept(deadLettered);
    await states.markFailed(deadLettered.id, deadLettered.version);
    const lostSeq = await accept(lost);
    await accept(replayed);
    await accept(replayed, `${versionKey(replayed.id, replayed.version)}#replay-1`, { customsOffice: '060100' });
    await accept(superseded);
    await accept({ ...superseded, version: superseded.version + 1 });
    await decide({ ...superseded, version: superseded.version + 1 });

    const dispatched: ReceivedDeclaration[] = [];
    const r = reconciler(dispatched);
    expect(await r.pass()).toBe(2);
    expect(dispatched.map((d) => d.declaration.id)).toEqual([lost.id, replayed.id]);
    // The replay's message is the one of record: its edited payload is what goes on.
    expect(dispatched[1]!.declaration.customsOffice).toBe('060100');
    expect((await buckets.reconciler.get('declarations'))?.string()).toBe(String(lostSeq));

    // Once they are decided, the next pass finds nothing and resumes after the last message it read.
    await decide(lost);
    await decide(replayed);
    const again: ReceivedDeclaration[] = [];
    expect(await reconciler(again).pass()).toBe(0);
    expect(again).toEqual([]);
    const last = (await t.jsm.streams.info(t.names.streams.declarations)).state.last_seq;
    expect((await buckets.reconciler.get('declarations'))?.string()).toBe(String(last + 1));
  });
});
