import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryIdOf, type Reliability } from '@tareks/hub';
import type { Declaration } from '@tareks/schemas';
import { startCallbackReceiver, type CallbackReceiver } from '../src/support/callback-receiver.js';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

const SECRET = 'test-webhook-secret-0123456789abcdef';
const ACTOR = { kind: 'user', id: 'admin-ayse' } as const;
let hub: TestHub;
let reliability: Reliability;
let receiver: CallbackReceiver;
const keys = { webhook: '', soap: '' };

/** Polls until `cond` holds; the test timeout bounds it, so nothing here depends on speed. */
const until = async (_what: string, cond: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await cond())) await new Promise((r) => setTimeout(r, 25));
};

beforeAll(async () => {
  hub = await startTestHub({ NOTIFY_ATTEMPTS: '4', NOTIFY_BACKOFF_MS: '50' });
  reliability = hub.reliability!;
  receiver = await startCallbackReceiver({ secret: SECRET });
  keys.webhook = await hub.apiKeys.create('customs-webhook', ['declarations:write', 'declarations:read'], undefined, { kind: 'webhook', url: receiver.webhookUrl, secret: SECRET });
  keys.soap = await hub.apiKeys.create('customs-soap', ['declarations:write', 'declarations:read'], undefined, { kind: 'soap', url: receiver.soapUrl });
});

afterAll(async () => {
  await receiver?.close();
  await hub?.dispose();
});

async function submit(d: Declaration, key: string): Promise<void> {
  const res = await fetch(`${hub.url}/v1/declarations?wait=10000`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(d) });
  expect(res.status).toBe(200);
}

const acceptedFor = (id: string) => receiver.accepted.filter((n) => n.declarationId === id);
const attemptsFor = (deliveryId: string) => receiver.attempts.filter((a) => a.deliveryId === deliveryId);

describe('decision callbacks to customs', () => {
  it('delivers a signed webhook, retrying through failures with the same delivery id', async () => {
    receiver.options.failFirst = 2;
    const d = sampleDeclaration();
    await submit(d, keys.webhook);
    await until('delivered', () => acceptedFor(d.id).length === 1);
    const deliveryId = deliveryIdOf('customs-webhook', d.id, 1);
    const [n] = acceptedFor(d.id);
    expect(n).toMatchObject({ deliveryId, clientId: 'customs-webhook', declarationId: d.id, version: 1, decision: { declarationId: d.id, version: 1 } });
    expect(attemptsFor(deliveryId).map((a) => a.status)).toEqual([503, 503, 204]);
    expect(receiver.badSignatures).toBe(0);
  });

  it('keeps versions of one declaration in order while the older one is retried', async () => {
    const v1 = sampleDeclaration();
    const v2 = { ...v1, version: 2 };
    receiver.options.failFirst = 2;
    await submit(v1, keys.webhook);
    await submit(v2, keys.webhook);
    await until('both delivered', () => acceptedFor(v1.id).length === 2);
    expect(acceptedFor(v1.id).map((n) => n.version)).toEqual([1, 2]);
    const first2 = receiver.attempts.findIndex((a) => a.deliveryId === deliveryIdOf('customs-webhook', v1.id, 2));
    const last1 = receiver.attempts.findLastIndex((a) => a.deliveryId === deliveryIdOf('customs-webhook', v1.id, 1));
    expect(first2).toBeGreaterThan(last1);
  });

  it('calls DecisionNotification on a SOAP endpoint', async () => {
    const d = sampleDeclaration();
    await submit(d, keys.soap);
    await until('delivered', () => acceptedFor(d.id).length === 1);
    expect(acceptedFor(d.id)[0]).toMatchObject({ clientId: 'customs-soap', declarationId: d.id, version: 1, deliveryId: deliveryIdOf('customs-soap', d.id, 1) });
    expect(acceptedFor(d.id)[0]!.decision.items.map((i) => i.itemNo)).toEqual([1, 2]);
  });

  it('dead-letters a refused notification (stage notify); replay delivers it once, a second replay does not', async () => {
    receiver.options.failWith = 400;
    const d = sampleDeclaration();
    await submit(d, keys.webhook);
    const { store, replays } = reliability.deadLetters;
    await until('dead-lettered', () => store.index.search({ stage: 'notify', declarationId: d.id }).total === 1);
    const [summary] = store.index.search({ stage: 'notify', declarationId: d.id }).items;
    expect(summary).toMatchObject({ code: 'CALLBACK_ERR_REJECTED', attempts: 1, version: 1, customsOffice: d.customsOffice });
    expect(acceptedFor(d.id)).toHaveLength(0);

    receiver.options.failWith = undefined;
    const outcome = await replays.replayOne(summary!.id, ACTOR);
    expect(outcome.replay?.result).toBe('ACCEPTED');
    await until('delivered after replay', () => acceptedFor(d.id).length === 1);
    expect(acceptedFor(d.id)[0]!.deliveryId).toBe(deliveryIdOf('customs-webhook', d.id, 1));

    const again = await replays.replayOne(summary!.id, ACTOR);
    expect(again.replay?.result).toBe('ALREADY_DELIVERED');
    const letter = await store.get(summary!.id);
    expect(letter?.replays.map((r) => r.result)).toEqual(['ACCEPTED', 'ALREADY_DELIVERED']);
    expect(receiver.duplicates).toBe(0);
  });

  it('refuses to replay a notification with an edited payload', async () => {
    const [summary] = reliability.deadLetters.store.index.search({ stage: 'notify' }).items;
    await expect(reliability.deadLetters.replays.replayOne(summary!.id, ACTOR, { payload: { any: 'thing' } })).rejects.toMatchObject({ code: 'HUB_ERR_REPLAY_EDIT_REFUSED', httpStatus: 400 });
  });
});
