import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { outcomeRoutes } from '@tareks/adapters';
import type { TraderStats } from '@tareks/scoring';
import type { ApiError, Decision, InspectionOutcome, OutcomeReceipt, ScoredDeclaration } from '@tareks/schemas';
import { ApiKeyStore } from '../../src/auth/api-key.store.js';
import { apiKeyAuthenticator } from '../../src/auth/principal.js';
import { ensureBuckets, type HubBuckets } from '../../src/infra/nats.js';
import { openLearning, type Learning } from '../../src/models/learning.setup.js';
import { OutcomeIntake } from '../../src/outcomes/outcome.intake.js';
import { OutcomeProjector } from '../../src/outcomes/outcome.projector.js';
import { LabelHistoryStore } from '../../src/history/label-history.store.js';
import { TrainingStore } from '../../src/outcomes/training.store.js';
import { DeclarationStateStore } from '../../src/state/declaration-state.store.js';
import { openTestNamespace, type TestNamespace } from '../warehouse/nats-namespace.js';

const logger = pino({ level: 'silent' });
const until = async (cond: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await cond())) await new Promise((r) => setTimeout(r, 20));
};
const ID = '26341300IM0OUT01';
const TRADER = '4540536920';

let t: TestNamespace;
let buckets: HubBuckets;
let learning: Learning;
let projector: OutcomeProjector;
let app: FastifyInstance;
let inspectorKey: string;
let customsKey: string;
let counted = 0;

const decision: Decision = {
  declarationId: ID, version: 1, customsOffice: '341300', kind: 'IMPORT', domain: 'PRODUCT_SAFETY', lane: 'RED', modelVersion: 'm-20260101000000-aaaaaa',
  items: [1, 2].map((itemNo) => ({ itemNo, score: 0.5, lane: 'RED' as const, selectionCause: 'RISK' as const, reasons: [] })),
  timings: { receivedAt: new Date().toISOString(), decidedAt: new Date().toISOString(), enrichMs: 1, scoreMs: 1, totalMs: 2 },
};
const scored: ScoredDeclaration = {
  declarationId: ID, version: 1, customsOffice: '341300', domain: 'PRODUCT_SAFETY', traderId: TRADER, scoredAt: new Date().toISOString(),
  modelVersion: decision.modelVersion, shadowVersion: 'm-20260102000000-bbbbbb',
  items: [1, 2].map((itemNo) => ({ itemNo, features: [itemNo, 0.5], score: 0.5, shadowScore: 0.7, lane: 'RED' as const, selectionCause: 'RISK' as const })),
};
const outcome = (itemNo: number, result: InspectionOutcome['result']): InspectionOutcome => ({
  declarationId: ID, version: 1, itemNo, inspector: 'Mehmet Kaya', result, findings: result === 'NON_COMPLIANT' ? [{ code: 'NO_CE', text: 'CE işareti yok' }] : [],
  inspectedAt: new Date().toISOString(),
});
const post = (body: unknown, key: string | null = inspectorKey) =>
  app.inject({ method: 'POST', url: '/v1/outcomes', headers: key ? { 'x-api-key': key } : {}, payload: body as object });

beforeAll(async () => {
  t = await openTestNamespace();
  buckets = await ensureBuckets(t.nc, t.names);
  learning = await openLearning(t, t.names);
  const states = new DeclarationStateStore(buckets.declarations);
  await states.advance({ id: ID, version: 1, status: 'DECIDED', receivedAt: decision.timings.receivedAt, updatedAt: decision.timings.decidedAt, decision });
  await t.js.publish(t.names.subjects.scored(ID, 1), JSON.stringify(scored), { msgID: `${ID}:1` });
  projector = new OutcomeProjector({ js: t.js, jsm: t.jsm, names: t.names, recorded: learning.recorded, traders: buckets.traders, history: new LabelHistoryStore(learning.labelHistory), logger, onCounted: () => void counted++ });
  await projector.start();
  const apiKeys = new ApiKeyStore(buckets.clients, false);
  inspectorKey = await apiKeys.create('lab-istanbul', ['outcomes:write']);
  customsKey = await apiKeys.create('customs', ['declarations:write']);
  app = Fastify();
  await app.register(outcomeRoutes, { service: new OutcomeIntake(t.js, t.names, states, learning.recorded), authenticate: apiKeyAuthenticator(apiKeys), metrics: { rejected: () => undefined } });
});

afterAll(async () => {
  await projector?.stop();
  await app?.close();
  await t?.jsm.streams.delete(`OBJ_${t.names.objectStore.models}`).catch(() => undefined);
  await t?.drop();
});

const traderStats = async (): Promise<TraderStats | null> => (await buckets.traders.get(TRADER))?.json<TraderStats>() ?? null;

describe('outcome intake and its projection', () => {
  it('refuses callers without the inspector role and bad bodies with coded errors', async () => {
    expect((await post(outcome(1, 'COMPLIANT'), null)).json<ApiError>().error.code).toBe('HUB_ERR_API_KEY_MISSING');
    const denied = await post(outcome(1, 'COMPLIANT'), customsKey);
    expect(denied.statusCode).toBe(403);
    const bad = await post({ ...outcome(1, 'COMPLIANT'), result: 'MAYBE' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ApiError>().error.details?.[0]?.pointer).toBe('/result');
    const unknown = await post(outcome(7, 'COMPLIANT'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ApiError>().error.code).toBe('HUB_ERR_OUTCOME_UNKNOWN_ITEM');
  });

  it('records an outcome on the stream, counts it once and feeds the trader history', async () => {
    const res = await post(outcome(1, 'NON_COMPLIANT'));
    expect(res.statusCode).toBe(202);
    expect(res.json<OutcomeReceipt>()).toEqual({ declarationId: ID, version: 1, itemNo: 1, duplicate: false });
    const stream = await t.jsm.streams.info(t.names.streams.outcomes);
    expect(stream.state.messages).toBe(1);
    await until(async () => (await traderStats())?.inspections === 1);
    expect(await traderStats()).toEqual({ declarations: 0, inspections: 1, nonCompliant: 1 });
    expect(counted).toBe(1);

    const again = await post(outcome(1, 'NON_COMPLIANT'));
    expect(again.statusCode).toBe(200);
    expect(again.json<OutcomeReceipt>().duplicate).toBe(true);
    const contradicting = await post(outcome(1, 'COMPLIANT'));
    expect(contradicting.statusCode).toBe(409);
    expect(contradicting.json<ApiError>().error.code).toBe('HUB_ERR_OUTCOME_CONFLICT');
  });

  it('a redelivered outcome message is not counted twice', async () => {
    await t.js.publish(t.names.subjects.outcome('341300'), JSON.stringify(outcome(1, 'NON_COMPLIANT')));
    await post(outcome(2, 'COMPLIANT'));
    await until(async () => (await traderStats())?.inspections === 2);
    await until(async () => (await t.jsm.consumers.info(t.names.streams.outcomes, 'outcome-projector')).num_ack_pending === 0);
    expect(await traderStats()).toEqual({ declarations: 0, inspections: 2, nonCompliant: 1 });
    expect(counted).toBe(2);
  });

  it('the training store joins outcomes with the scored vectors, first result per item', async () => {
    const rows = await new TrainingStore(t.js, t.jsm, t.names).rows();
    expect(rows.map((r) => [r.key, r.label, r.features, r.shadowScore])).toEqual([
      [`${ID}.1.1`, 1, [1, 0.5], 0.7],
      [`${ID}.1.2`, 0, [2, 0.5], 0.7],
    ]);
  });
});
