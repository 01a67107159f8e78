import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import type { ApiError, Decision, DeclarationRecord, DeclarationTimeline, ScoredDeclaration, TimelineEvent } from '@tareks/schemas';
import type { Authenticator, Role } from '../src/auth/principal.js';
import { ensureBuckets } from '../src/infra/nats.js';
import { DeclarationStateStore } from '../src/state/declaration-state.store.js';
import {
  enrichedEvent, ensureTimelineStream, NatsTimelineRecorder, receivedEvent, supersededEvents, TimelineReader, timelineRoutes,
} from '../src/timeline/index.js';
import { openTestNamespace, type TestNamespace } from './warehouse/nats-namespace.js';

const logger = pino({ level: 'silent' });
const A = '26341300IM0TLA01';
const B = '26341300IM0TLB02';
/** Known only to the state of record: decided before the timeline existed (or after its events aged out). */
const C = '26341300IM0TLC03';
const UNKNOWN = '26341300IM0TLZ99';
const at = (s: number) => new Date(Date.UTC(2026, 0, 15, 10, 0, s)).toISOString();

const decision = (id: string, version: number): Decision => ({
  declarationId: id, version, customsOffice: '341300', kind: 'IMPORT', domain: 'PRODUCT_SAFETY', lane: 'YELLOW', modelVersion: 'm-20260101000000-aaaaaa',
  items: [{ itemNo: 1, score: 0.42, lane: 'YELLOW', selectionCause: 'RISK', reasons: [{ code: 'NO_CE', weight: 0.3, text: { tr: 'CE işareti yok', en: 'No CE marking' } }] }],
  timings: { receivedAt: at(0), decidedAt: at(2), enrichMs: 12.5, scoreMs: 3.25, totalMs: 2000 },
});

let t: TestNamespace;
let app: FastifyInstance;
let recorder: NatsTimelineRecorder;
let reader: TimelineReader;
let metrics: Registry;
const rejected: string[] = [];

/** Callers by header, so each role can be tried; the route's own requireRole does the enforcing. */
const authenticate: Authenticator = async (request) => {
  const roles = request.headers['x-test-roles'];
  if (typeof roles !== 'string') return null;
  return { kind: 'user', id: 'tester', roles: roles ? (roles.split(',') as Role[]) : [] };
};
const get = (id: string, roles: string | null = 'operator') =>
  app.inject({ method: 'GET', url: `/v1/timeline/${encodeURIComponent(id)}`, headers: roles === null ? {} : { 'x-test-roles': roles } });

beforeAll(async () => {
  t = await openTestNamespace();
  await ensureTimelineStream(t.jsm, t.names, { maxAgeDays: 1, maxBytes: 64 * 1024 * 1024 });
  await t.jsm.streams.add({ name: t.names.streams.scores, subjects: [t.names.subjects.scoredAll] });
  const states = new DeclarationStateStore((await ensureBuckets(t.nc, t.names)).declarations);
  metrics = new Registry();
  recorder = new NatsTimelineRecorder(t.nc, t.names, logger, metrics);
  reader = new TimelineReader({ js: t.js, jsm: t.jsm, names: t.names, states, logger });

  // Appended out of time order and interleaved across two declarations, as several processes would. Version 1 of A
  // was decided and then superseded: ingest appends what its record showed, since the state now shows version 2.
  const caller = { clientId: 'customs-1', protocol: 'REST' } as const;
  const v1: DeclarationRecord = { id: A, version: 1, status: 'DECIDED', receivedAt: at(0), updatedAt: at(2), decision: decision(A, 1), intake: { ...caller, seq: 1 } };
  recorder.record(
    ...supersededEvents(v1, 2).map((e) => (e.stage === 'SUPERSEDED' ? { ...e, at: at(5) } : e)),
    receivedEvent({ id: B, version: 1 }, at(1), caller),
    { ...enrichedEvent({ id: A, version: 1 }, [{ step: 'mersis', status: 'OK', flags: [], tookMs: 4 }, { step: 'kps', status: 'UNAVAILABLE', flags: ['REGISTRY_UNAVAILABLE'], tookMs: 9 }], 9.5), at: at(1) },
    { declarationId: 'not-an-id', version: 1, stage: 'RECEIVED' },
    { declarationId: B, version: 1, stage: 'DEAD_LETTERED', at: at(4), errorCode: 'HUB_ERR_SCORING_FAILED', detail: 'x'.repeat(1000) },
  );
  await t.nc.flush();

  const dA = decision(A, 2);
  await states.advance({
    id: A, version: 2, status: 'DECIDED', receivedAt: at(5), updatedAt: at(7), intake: { clientId: 'customs-2', protocol: 'SOAP', seq: 2 },
    decision: { ...dA, timings: { ...dA.timings, receivedAt: at(5), decidedAt: at(7) } },
  });
  await states.advance({ id: C, version: 1, status: 'DECIDED', receivedAt: at(0), updatedAt: at(2), decision: decision(C, 1) });
  const scored: ScoredDeclaration = {
    declarationId: C, version: 1, customsOffice: '341300', domain: 'PRODUCT_SAFETY', traderId: '4540536920', scoredAt: at(2),
    modelVersion: 'm-20260101000000-aaaaaa', shadowVersion: 'm-20260102000000-bbbbbb',
    items: [{ itemNo: 1, features: [1], score: 0.42, shadowScore: 0.61, lane: 'YELLOW', selectionCause: 'RISK' }],
  };
  await t.js.publish(t.names.subjects.scored(C, 1), JSON.stringify(scored));

  app = Fastify();
  await app.register(timelineRoutes, { reader, authenticate, metrics: { rejected: (_protocol, code) => void rejected.push(code) } });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const stagesOf = (events: readonly TimelineEvent[]) => events.map((e) => `${e.version}:${e.stage}${e.derived ? '*' : ''}`);

describe('declaration timeline', () => {
  it('keeps the events of two declarations apart, orders them by time and keeps their versions', async () => {
    await expect.poll(async () => (await reader.events(A)).events.length, { timeout: 10_000 }).toBe(5);
    const a = await reader.read(A);
    expect(a.events.every((e) => e.declarationId === A)).toBe(true);
    // Version 2's receipt, score and decision come from the state of record; its ENRICHED was lost, so it is rebuilt.
    expect(stagesOf(a.events)).toEqual(['1:RECEIVED', '1:ENRICHED', '1:SCORED', '1:DECIDED', '1:SUPERSEDED', '2:RECEIVED', '2:ENRICHED*', '2:SCORED', '2:DECIDED']);
    expect(a.events.find((e) => e.stage === 'RECEIVED' && e.version === 2)).toMatchObject({ outcome: 'SOAP', by: 'customs-2', at: at(5) });
    expect(a.events.find((e) => e.stage === 'RECEIVED' && e.version === 1)).toMatchObject({ outcome: 'REST', by: 'customs-1', at: at(0) });
    expect(a.events.map((e) => Date.parse(e.at))).toEqual([...a.events.map((e) => Date.parse(e.at))].sort((x, y) => x - y));
    const enriched = a.events.find((e) => e.stage === 'ENRICHED' && e.version === 1)!;
    expect(enriched).toMatchObject({ outcome: 'PARTIAL', ms: 9.5, registries: [{ step: 'mersis', status: 'OK' }, { step: 'kps', status: 'UNAVAILABLE', flags: ['REGISTRY_UNAVAILABLE'] }] });
    expect(a.events.find((e) => e.stage === 'SUPERSEDED')).toMatchObject({ version: 1, detail: 'by version 2' });
    expect(a.state?.decision?.version).toBe(2);

    const b = await reader.read(B);
    expect(stagesOf(b.events)).toEqual(['1:RECEIVED', '1:DEAD_LETTERED']);
    // A long error message is clipped to what the contract allows rather than losing the event.
    expect(b.events[1]!.detail).toHaveLength(300);
    expect(b.events[0]).toMatchObject({ declarationId: B, outcome: 'REST', by: 'customs-1', at: at(1) });
    expect(b.state).toBeNull();
  });

  it('counts what it appended and drops an event whose id cannot be a subject token', async () => {
    const text = await metrics.metrics();
    expect(text).toMatch(/tareks_timeline_events_total\{stage="RECEIVED"\} 2/);
    expect(text).toMatch(/tareks_timeline_dropped_total\{reason="invalid_id"\} 1/);
  });

  it('rebuilds a decided declaration from its decision of record, with the shadow score', async () => {
    const c = await reader.read(C);
    expect(stagesOf(c.events)).toEqual(['1:RECEIVED', '1:ENRICHED*', '1:SCORED', '1:DECIDED']);
    expect(c.events.at(-1)).toMatchObject({ lane: 'YELLOW', modelVersion: 'm-20260101000000-aaaaaa', ms: 2000 });
    expect(c.shadow).toEqual({ modelVersion: 'm-20260102000000-bbbbbb', items: [{ itemNo: 1, score: 0.61 }] });
  });

  it('serves GET /v1/timeline/{id} to every dashboard role', async () => {
    for (const role of ['operator', 'inspector', 'analyst', 'admin']) {
      const res = await get(A, role);
      expect(res.statusCode).toBe(200);
      const body = res.json<DeclarationTimeline>();
      expect(body.declarationId).toBe(A);
      expect(body.state?.decision?.items[0]?.reasons[0]?.text).toEqual({ tr: 'CE işareti yok', en: 'No CE marking' });
      expect(body.truncated).toBe(false);
    }
  });

  it('answers 404 with a code for an unknown id and 400 with a JSON pointer for a malformed one', async () => {
    const unknown = await get(UNKNOWN);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ApiError>().error.code).toBe('HUB_ERR_NOT_FOUND');

    const bad = await get('26341300im0tl');
    expect(bad.statusCode).toBe(400);
    const error = bad.json<ApiError>().error;
    expect(error.code).toBe('HUB_ERR_PATTERN_MISMATCH');
    expect(error.details?.[0]).toMatchObject({ pointer: '/id', code: 'HUB_ERR_PATTERN_MISMATCH' });
    expect(rejected).toEqual(['HUB_ERR_NOT_FOUND', 'HUB_ERR_PATTERN_MISMATCH']);
  });

  it('refuses a caller without a session (401) or without a dashboard role (403), before looking at the id', async () => {
    expect((await get(A, null)).statusCode).toBe(401);
    expect((await get('bad', null)).statusCode).toBe(401);
    const denied = await get(A, '');
    expect(denied.statusCode).toBe(403);
    expect(denied.json<ApiError>().error.code).toBe('HUB_ERR_ROLE_DENIED');
  });
});
