import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY, DEMO_CLIENT_ID } from '@tareks/hub';
import { validateDeclaration, versionKey } from '@tareks/schemas';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';
import { hostileCorpus } from '../hostile/corpus.js';
import { CLIENT_IDS, type HostileCase, type Keys } from '../hostile/hostile-case.js';
import { send, type Outcome } from '../hostile/hostile.client.js';
import { countByMsgId, growth, rejectedByCode } from '../hostile/hub-observer.js';
import { hostileBase } from '../hostile/mutation.js';
import { HOSTILE_DOCUMENT_BYTES } from '../hostile/hostile-document.js';
import { runPool, sendValid, type Route, type ValidResult } from '../hostile/valid.traffic.js';

/** The hub's body limits, set explicitly so the "1 byte over" cases know them. */
const LIMITS = { restBodyBytes: 1_048_576, soapBodyBytes: 2_097_152 } as const;
const VALID_DECLARATIONS = 300;
/** REST, SOAP with X-API-Key and SOAP with a UsernameToken: 150 / 75 / 75. */
const ROUTES: readonly Route[] = ['REST', 'SOAP-key', 'REST', 'SOAP-token'];
const VALID_CONCURRENCY = 16;
const HOSTILE_CONCURRENCY = 8;
/** Bounds the wait for the last decisions of the valid traffic (the pipeline decides in milliseconds). */
const DECISIONS_DEADLINE_MS = 60_000;

const corpus = hostileCorpus(LIMITS);

let hub: TestHub;
let baseUrl: string;
const outcomes = new Map<string, Outcome>();
const states = new Map<string, { status: number; version?: number }>();
let rejectedGrowth = new Map<string, number>();
let accepted: ValidResult[] = [];
let decisionsByMsgId = new Map<string, number>();
let declarationsByMsgId = new Map<string, number>();

async function createKeys(h: TestHub): Promise<Keys> {
  const keys: Keys = {
    full: DEMO_API_KEY,
    readOnly: await h.apiKeys.create(CLIENT_IDS.readOnly, ['declarations:read']),
    writeOnly: await h.apiKeys.create(CLIENT_IDS.writeOnly, ['declarations:write']),
    outcomes: await h.apiKeys.create(CLIENT_IDS.outcomes, ['outcomes:write']),
    revoked: await h.apiKeys.create(CLIENT_IDS.revoked, ['declarations:write', 'declarations:read']),
  };
  await h.apiKeys.revoke(CLIENT_IDS.revoked);
  return keys;
}

const failedSend = (err: unknown): Outcome => ({ status: -1, code: undefined, pointers: [], excerpt: `request failed: ${String(err)}` });

async function fireHostile(keys: Keys): Promise<void> {
  await runPool(corpus, HOSTILE_CONCURRENCY, async (c) => outcomes.set(c.name, await send(baseUrl, c, keys).catch(failedSend)));
}

async function probeStates(keys: Keys): Promise<void> {
  await runPool(corpus.filter((c) => c.probeId), HOSTILE_CONCURRENCY, async (c) => {
    const res = await fetch(`${baseUrl}/v1/declarations/${c.probeId}`, { headers: { 'x-api-key': keys.readOnly } });
    const body = (await res.json()) as { version?: number };
    states.set(c.name, res.ok ? { status: res.status, version: body.version } : { status: res.status });
  });
}

async function waitForDecisions(expected: number): Promise<void> {
  const deadline = Date.now() + DECISIONS_DEADLINE_MS;
  while (Date.now() < deadline && (await hub.nats.jsm.streams.info(hub.names.streams.decisions)).state.messages < expected) {
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  hub = await startTestHub({ BODY_LIMIT_BYTES: String(LIMITS.restBodyBytes), SOAP_BODY_LIMIT_BYTES: String(LIMITS.soapBodyBytes) });
  baseUrl = hub.url!;
  const keys = await createKeys(hub);
  const creds = { apiKey: DEMO_API_KEY, clientId: DEMO_CLIENT_ID };
  // Every hostile declaration references one document; it must exist in the hub's store like any customs upload.
  const upload = await fetch(`${baseUrl}/v1/declarations/${hostileBase().id}/documents?type=INVOICE`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', 'x-api-key': DEMO_API_KEY },
    body: HOSTILE_DOCUMENT_BYTES,
  });
  expect([200, 201]).toContain(upload.status);
  const rejectedBefore = await rejectedByCode(baseUrl);

  // The newer versions that old ones are replayed against go in first; they are valid traffic too.
  const priors = await runPool(corpus.flatMap((c) => c.before ?? []), 4, (d) => sendValid(baseUrl, d, 'REST', creds));
  const valid = Array.from({ length: VALID_DECLARATIONS }, (_, i) => ({ d: sampleDeclaration(), route: ROUTES[i % ROUTES.length]! }));
  const [validResults] = await Promise.all([runPool(valid, VALID_CONCURRENCY, (v) => sendValid(baseUrl, v.d, v.route, creds)), fireHostile(keys)]);
  accepted = [...priors, ...validResults];

  rejectedGrowth = growth(rejectedBefore, await rejectedByCode(baseUrl));
  await probeStates(keys);
  // Bad inputs the hub wrongly took are decided too: wait for theirs as well, so no valid decision is missed.
  const wronglyTaken = [...outcomes.values()].filter((o) => o.status >= 200 && o.status < 300).length;
  await waitForDecisions(accepted.length + wronglyTaken);
  decisionsByMsgId = await countByMsgId(hub.nats.jsm, hub.names.streams.decisions);
  declarationsByMsgId = await countByMsgId(hub.nats.jsm, hub.names.streams.declarations);
}, 240_000);

afterAll(async () => {
  await hub?.dispose();
});

describe('hostile corpus', () => {
  it('has at least 200 uniquely named cases over both protocols, on a valid base', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
    expect(corpus.filter((c) => c.protocol === 'REST').length).toBeGreaterThanOrEqual(100);
    expect(corpus.filter((c) => c.protocol === 'SOAP').length).toBeGreaterThanOrEqual(100);
    expect(validateDeclaration(hostileBase())).toMatchObject({ ok: true });
  });
});

describe('each bad input gets its precise error and is not accepted, while valid traffic runs', () => {
  it.each(corpus.map((c): [string, HostileCase] => [c.name, c]))('%s', (_name, c) => {
    const o = outcomes.get(c.name)!;
    const e = c.expected;
    expect({ status: o.status, code: o.code }, o.excerpt).toEqual({ status: e.status, code: e.code });
    if (e.pointer !== undefined) expect(o.pointers, o.excerpt).toContain(e.pointer);
    if (e.faultCode !== undefined) expect(o.faultCode, o.excerpt).toBe(e.faultCode);
    if (c.probeId) expect(states.get(c.name)).toEqual(c.stateVersion ? { status: 200, version: c.stateVersion } : { status: 404 });
  });

  it('counts every rejection in tareks_ingest_rejected_total by protocol and code', () => {
    const expected = new Map<string, number>();
    for (const c of corpus) expected.set(`${c.protocol}|${c.expected.code}`, (expected.get(`${c.protocol}|${c.expected.code}`) ?? 0) + 1);
    expect(Object.fromEntries([...rejectedGrowth].sort())).toEqual(Object.fromEntries([...expected].sort()));
  });
});

describe('the valid traffic beside the corpus', () => {
  it('was accepted in full', () => {
    expect(accepted.filter((r) => !r.accepted)).toEqual([]);
    expect(accepted.length).toBe(VALID_DECLARATIONS + corpus.filter((c) => c.before).length);
  });

  it('is all in the declarations stream, once', () => {
    expect(accepted.map((r) => versionKey(r.id, r.version)).filter((k) => declarationsByMsgId.get(k) !== 1)).toEqual([]);
  });

  it('has exactly one decision per declaration', () => {
    expect(accepted.map((r) => versionKey(r.id, r.version)).filter((k) => decisionsByMsgId.get(k) !== 1)).toEqual([]);
  });
});

describe('nothing of the corpus got in', () => {
  const validKeys = (): Set<string> => new Set(accepted.map((r) => versionKey(r.id, r.version)));

  it('the declarations stream holds only the valid traffic', () => {
    expect([...declarationsByMsgId.keys()].filter((k) => !validKeys().has(k))).toEqual([]);
  });

  it('the decisions stream holds decisions of the valid traffic only', () => {
    expect([...decisionsByMsgId.keys()].filter((k) => !validKeys().has(k))).toEqual([]);
  });
});
