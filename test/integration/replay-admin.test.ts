import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, type DeadLetterPublisher, type DeclarationStateStore, type Reliability } from '@tareks/hub';
import type { AuditPage, DeadLetter, DeadLetterPage, Decision, Declaration, ReplayBatchAccepted, ReplayOutcome } from '@tareks/schemas';
import { asUser, userWithRole } from '../src/support/dashboard-users.js';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

let hub: TestHub;
let reliability: Reliability;
let adminUrl: string;
let adminKey: string;
let states: DeclarationStateStore;
let deadLetters: DeadLetterPublisher;

/** Polls until `cond` holds; the test timeout bounds it, so nothing here depends on speed. */
const until = async (cond: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await cond())) await new Promise((r) => setTimeout(r, 25));
};

beforeAll(async () => {
  hub = await startTestHub({ REPLAY_RATE_PER_SECOND: '20' });
  reliability = hub.reliability!;
  states = hub.states;
  deadLetters = hub.deadLetters;
  adminKey = await hub.apiKeys.create('ops-tool', ['admin']);
  adminUrl = `${hub.url}/v1/admin`;
});

afterAll(async () => {
  await hub?.dispose();
});

async function call<T>(method: string, path: string, body?: unknown, key: string | null = adminKey): Promise<{ status: number; body: T; text: string }> {
  const headers: Record<string, string> = {};
  if (key) headers['x-api-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${adminUrl}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  return { status: res.status, text, body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined) as T };
}

async function submit(d: Declaration): Promise<void> {
  const res = await fetch(`${hub.url}/v1/declarations?wait=10000`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY }, body: JSON.stringify(d) });
  expect(res.status).toBe(200);
}

/** Decisions of one declaration in the decisions stream (the system of record). */
async function decisionsOf(id: string): Promise<Decision[]> {
  const info = await hub.nats.jsm.streams.info(hub.names.streams.decisions);
  const out: Decision[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    const m = await hub.nats.jsm.streams.getMessage(hub.names.streams.decisions, { seq }).catch(() => null);
    const d = m?.json<Decision>();
    if (d?.declarationId === id) out.push(d);
  }
  return out;
}

const declarationsInStream = async (): Promise<number> => (await hub.nats.jsm.streams.info(hub.names.streams.declarations)).state.messages;

/** A garbage message on decl.received: the orchestrator dead-letters it as poison (stage orchestrate). */
async function poison(): Promise<DeadLetterPage['items'][number]> {
  const before = reliability.deadLetters.store.index.size;
  await hub.nats.js.publish(hub.names.subjects.declReceived, `{"not":"a declaration ${Math.random()}"}`);
  await until(() => reliability.deadLetters.store.index.size > before);
  return reliability.deadLetters.store.index.search({ limit: 1 }).items[0]!;
}

describe('admin API: authentication', () => {
  it('answers 401 without credentials and 403 without the admin role, before reading the body', async () => {
    expect((await call('GET', '/dead-letters', undefined, null)).status).toBe(401);
    const denied = await call<{ error: { code: string } }>('POST', '/dead-letters/replay', { filter: {} }, DEMO_API_KEY);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('HUB_ERR_ROLE_DENIED');
    expect((await call('GET', '/audit', undefined, 'not-a-key')).status).toBe(401);
    expect((await call('GET', '/clients', undefined, DEMO_API_KEY)).status).toBe(403);
  });

  it('lets an operator read dead letters but refuses the operator every replay and the rest of the admin API', async () => {
    const operator = await userWithRole(hub.url!, 'operator', 'replay');
    const read = (path: string) => fetch(`${adminUrl}${path}`, { headers: { cookie: operator.cookie } });
    const write = (path: string, body: unknown) => fetch(`${adminUrl}${path}`, { method: 'POST', headers: asUser(operator), body: JSON.stringify(body) });
    expect((await read('/dead-letters')).status).toBe(200);
    expect((await read('/dead-letters/facets')).status).toBe(200);
    expect((await read('/dead-letters/nope')).status).toBe(404);
    for (const res of [await write('/dead-letters/nope/replay', {}), await write('/dead-letters/replay', { filter: {}, dryRun: true })]) {
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('HUB_ERR_ROLE_DENIED');
    }
    expect((await read('/audit')).status).toBe(403);
    expect((await read('/clients')).status).toBe(403);
  });
});

describe('dead letters and replay', () => {
  it('finds a poison message by stage and code, and shows its payload', async () => {
    const summary = await poison();
    const page = await call<DeadLetterPage>('GET', '/dead-letters?stage=orchestrate&code=HUB_ERR_POISON_MESSAGE');
    expect(page.status).toBe(200);
    expect(page.body.items.map((i) => i.id)).toContain(summary.id);
    const one = await call<DeadLetter>('GET', `/dead-letters/${summary.id}`);
    expect(Buffer.from(one.body.payload, 'base64').toString()).toContain('not');
    expect(one.body.replays).toEqual([]);
    expect((await call('GET', '/dead-letters/nope')).status).toBe(404);
  });

  it('refuses an invalid edited payload with a coded 400 and publishes nothing', async () => {
    const summary = await poison();
    const bad = sampleDeclaration();
    bad.items[0]!.gtip = '123';
    const before = await declarationsInStream();
    const res = await call<{ error: { code: string; details: Array<{ pointer: string }> } }>('POST', `/dead-letters/${summary.id}/replay`, { payload: bad });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('HUB_ERR_GTIP_INVALID');
    expect(res.body.error.details.map((d) => d.pointer)).toContain('/items/0/gtip');
    expect(await declarationsInStream()).toBe(before);
    expect(await states.get(bad.id)).toBeNull();
    const unedited = await call<{ error: { code: string } }>('POST', `/dead-letters/${summary.id}/replay`, {});
    expect(unedited.status).toBe(400);
    expect(await declarationsInStream()).toBe(before);
  });

  it('replays a poison message with a corrected payload through the validated path, linked to the original', async () => {
    const summary = await poison();
    const fixed = sampleDeclaration();
    const dry = await call<ReplayOutcome>('POST', `/dead-letters/${summary.id}/replay`, { payload: fixed, dryRun: true });
    expect(dry.body.replay?.result).toBe('DRY_RUN');
    expect(await states.get(fixed.id)).toBeNull();

    const res = await call<ReplayOutcome>('POST', `/dead-letters/${summary.id}/replay`, { payload: fixed });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ deadLetterId: summary.id, declarationId: fixed.id, version: 1, replay: { result: 'ACCEPTED', edited: true, by: 'api-client:ops-tool' } });
    // What changed: the unreadable body's field went away, the declaration's fields came in.
    const changes = res.body.replay!.changes!;
    const removed = changes.find((c) => c.pointer === '/not');
    expect(removed?.before).toMatch(/^"a declaration/);
    expect(removed && 'after' in removed).toBe(false);
    expect(changes.find((c) => c.pointer === '/id')).toEqual({ pointer: '/id', after: JSON.stringify(fixed.id) });
    await until(async () => (await states.get(fixed.id))?.status === 'DECIDED');
    const letter = await call<DeadLetter>('GET', `/dead-letters/${summary.id}`);
    expect(letter.body.replays).toHaveLength(1);
    expect(letter.body.replays[0]!.replayId).toBe(res.body.replay!.replayId);
    await until(() => reliability.deadLetters.store.index.get(summary.id)?.replayCount === 1);
    const replayed = await call<DeadLetterPage>('GET', '/dead-letters?replayed=true');
    expect(replayed.body.items.map((i) => i.id)).toContain(summary.id);
  });

  it('gives an already decided version no second decision', async () => {
    const d = sampleDeclaration();
    await submit(d);
    const letter = await deadLetters.publish({
      stage: 'score',
      subject: `bullmq:${hub.names.queues.score}`,
      payload: Buffer.from(JSON.stringify({ declaration: d, clientId: 'demo-customs' })),
      code: 'HUB_ERR_SCORING_FAILED',
      message: 'synthetic failure after the decision',
      attempts: 5,
      declarationId: d.id,
      version: d.version,
      customsOffice: d.customsOffice,
      gtips: d.items.map((i) => i.gtip),
    });
    await until(() => reliability.deadLetters.store.index.get(letter.id) !== undefined);
    const res = await call<ReplayOutcome>('POST', `/dead-letters/${letter.id}/replay`, {});
    expect(res.body.replay?.result).toBe('DUPLICATE');
    expect(await decisionsOf(d.id)).toHaveLength(1);
  });

  it('counts a filter in a dry run, then replays a list at the replay velocity', async () => {
    const decls = [sampleDeclaration(), sampleDeclaration(), sampleDeclaration()];
    const letters = await Promise.all(
      decls.map((d) =>
        deadLetters.publish({
          stage: 'orchestrate',
          subject: hub.names.subjects.declReceived,
          payload: Buffer.from(JSON.stringify({ declaration: d, receivedAt: new Date().toISOString(), clientId: 'demo-customs', protocol: 'REST' })),
          code: 'HUB_ERR_TEST_BATCH',
          message: 'lost on its way',
          attempts: 10,
          declarationId: d.id,
          version: 1,
          customsOffice: d.customsOffice,
          gtips: d.items.map((i) => i.gtip),
        }),
      ),
    );
    await until(() => letters.every((l) => reliability.deadLetters.store.index.get(l.id)));
    const dry = await call<ReplayBatchAccepted>('POST', '/dead-letters/replay', { filter: { code: 'HUB_ERR_TEST_BATCH', gtip: decls[0]!.items[1]!.gtip }, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ matched: 3, dryRun: true });
    expect(await states.get(decls[0]!.id)).toBeNull();

    const batch = await call<ReplayBatchAccepted>('POST', '/dead-letters/replay', { ids: letters.slice(0, 2).map((l) => l.id) });
    expect(batch.status).toBe(202);
    expect(batch.body).toMatchObject({ matched: 2, dryRun: false, ratePerSecond: 20 });
    for (const d of decls.slice(0, 2)) await until(async () => (await states.get(d.id))?.status === 'DECIDED');
    expect(await states.get(decls[2]!.id)).toBeNull();
    const results = await Promise.all(letters.slice(0, 2).map((l) => reliability.deadLetters.store.history.get(l.id)));
    expect(results.map((r) => r.map((x) => x.result))).toEqual([['ACCEPTED'], ['ACCEPTED']]);
    expect(results.map((r) => r[0]!.batchId)).toEqual([batch.body.batchId, batch.body.batchId]);
  });
});

describe('audit trail', () => {
  it('records client management and replays, queryable by actor and action, exported as CSV', async () => {
    const created = await call<{ apiKey: string; callbackSecret: string; client: { clientId: string } }>('POST', '/clients', {
      clientId: 'customs-izmir',
      scopes: ['declarations:write'],
      callback: { kind: 'webhook', url: 'https://customs.example/tareks' },
    });
    expect(created.status).toBe(201);
    expect(created.body.apiKey).toBeTruthy();
    expect(created.body.callbackSecret).toBeTruthy();
    expect(JSON.stringify(created.body.client)).not.toContain(created.body.callbackSecret);
    expect((await call('POST', '/clients', { clientId: 'customs-izmir', scopes: ['declarations:write'] })).status).toBe(409);
    const rotated = await call<{ callbackSecret?: string }>('PATCH', '/clients/customs-izmir', { rotateCallbackSecret: true });
    expect(rotated.body.callbackSecret).toBeTruthy();
    expect(rotated.body.callbackSecret).not.toBe(created.body.callbackSecret);
    expect((await call('DELETE', '/clients/customs-izmir')).status).toBe(200);
    expect(await hub.apiKeys.verify(created.body.apiKey)).toBeNull();
    const list = await call<Array<{ clientId: string; revokedAt?: string }>>('GET', '/clients');
    expect(list.body.find((c) => c.clientId === 'customs-izmir')?.revokedAt).toBeTruthy();

    const page = await call<AuditPage>('GET', '/audit?actor=ops-tool');
    const actions = page.body.records.map((r) => `${r.action}:${r.result}`);
    expect(actions).toEqual(expect.arrayContaining([
      'deadletter.replay:HUB_ERR_GTIP_INVALID', 'deadletter.replay:DRY_RUN', 'deadletter.replay:ACCEPTED', 'deadletter.replay:DUPLICATE',
      'deadletter.replay-batch:DRY_RUN', 'deadletter.replay-batch:OK',
      'client.create:OK', 'client.create:HUB_ERR_CLIENT_EXISTS', 'client.update:OK', 'client.revoke:OK',
    ]));
    expect(page.body.records.every((r) => r.actor.kind === 'api-client' && r.actor.id === 'ops-tool')).toBe(true);
    const revokes = await call<AuditPage>('GET', '/audit?action=client.revoke');
    expect(revokes.body.records.map((r) => r.target)).toEqual(['customs-izmir']);
    const paged = await call<AuditPage>('GET', '/audit?limit=2');
    expect(paged.body.records).toHaveLength(2);
    const next = await call<AuditPage>('GET', `/audit?limit=2&cursor=${paged.body.nextCursor}`);
    expect(next.body.records[0]!.id).not.toBe(paged.body.records[1]!.id);

    const csv = await call('GET', '/audit/export?action=client.create');
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,at,actor_kind,actor_id,action,target,result,details');
    expect(lines).toHaveLength(3);
    const exports = await call<AuditPage>('GET', '/audit?action=audit.export');
    expect(exports.body.records).toHaveLength(1);
  });
});
