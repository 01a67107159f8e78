import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'bullmq';
import { headers } from '@nats-io/nats-core';
import { pino } from 'pino';
import {
  DEMO_API_KEY, bootstrapDemoModel, openLearning, OutcomeIntake, OUTCOME_PROJECTOR_DURABLE, Retrainer, scoreWorkerLearning, startLearningLoop, TrainingStore,
  type Learning, type LearningLoop, type ScoreWorkerLearning,
} from '@tareks/hub';
import { createScoreWorker, FEATURE_NAMES, generateDeclarations, loadRuleConfig, MODEL_REASON_TEXT, NO_HISTORY, type TraderHistory, type TraderStats } from '@tareks/scoring';
import { CLIENT_ID_HEADER, versionKey, type Declaration, type Decision, type EnrichmentStep, type ScoredDeclaration } from '@tareks/schemas';
import { REDIS_URL } from '../src/support/test-env.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const until = async (cond: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await cond())) await new Promise((r) => setTimeout(r, 25));
};
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const serial = (): string => Array.from(randomBytes(6), (b) => ALPHABET[b % 36]).join('');

/** Traders whose registry lookup flags TRADER_CLOSED (a hard rule). */
const closedTraders = new Set<string>();
const registry: EnrichmentStep = {
  name: 'mersis',
  run: async (d) => ({ step: 'mersis', status: 'OK', flags: closedTraders.has(d.trader.taxId) ? ['TRADER_CLOSED'] : [], tookMs: 0 }),
};

let hub: TestHub;
let learning: Learning;
let swl: ScoreWorkerLearning;
let worker: Worker;
let loop: LearningLoop;
let intake: OutcomeIntake;
let forceRandom = false;
const truth = new Map<string, ReadonlyMap<number, boolean>>();
const world: Declaration[] = [];

beforeAll(async () => {
  hub = await startTestHub({ TAREKS_ROLES: 'api,orchestrator,projector' }, { enrichmentSteps: [registry] });
  learning = await openLearning(hub.nats, hub.names);
  swl = await scoreWorkerLearning(hub.nats, hub.names, learning, logger, { random: () => (forceRandom ? 0 : 0.99), history: { readCacheMs: 0 } });
  const history: TraderHistory = {
    get: async (taxId) => (await hub.buckets.traders.get(taxId))?.json<TraderStats>() ?? NO_HISTORY,
    seen: () => undefined,
  };
  const url = new URL(REDIS_URL);
  worker = createScoreWorker({
    connection: { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null },
    prefix: hub.names.bullPrefix,
    queueName: hub.names.queues.score,
    history,
    rules: loadRuleConfig(),
    learned: swl.learned,
    logger,
    publishDecision: async (d: Decision, job) => {
      const h = headers();
      h.set(CLIENT_ID_HEADER, job.clientId);
      await hub.nats.js.publish(hub.names.subjects.decision(d.customsOffice, d.lane), JSON.stringify(d), { msgID: versionKey(d.declarationId, d.version), headers: h });
    },
  });
  loop = await startLearningLoop(hub.nats, hub.names, learning, hub.buckets.traders, hub.reliability!.audit, logger, { schedule: false, minRows: 40, capacityShare: 0.3 });
  intake = new OutcomeIntake(hub.nats.js, hub.names, hub.states, learning.recorded);
  for (const { declaration, truth: t } of generateDeclarations({ seed: 9, weeks: 1, itemsPerWeek: 400, withDocuments: false })) {
    const d = { ...declaration, id: `${declaration.id.slice(0, 10)}${serial()}`, submittedAt: new Date().toISOString() };
    world.push(d);
    truth.set(d.id, t);
    if (world.length === 80) break;
  }
});

afterAll(async () => {
  await worker?.close();
  await swl?.stop();
  await loop?.stop();
  await hub?.nats.jsm.streams.delete(`OBJ_${hub.names.objectStore.models}`).catch(() => undefined);
  await hub?.dispose();
});

let next = 0;
async function submit(n: number): Promise<Decision[]> {
  const batch = world.slice(next, next + n);
  next += n;
  return Promise.all(batch.map(async (d) => {
    const res = await fetch(`${hub.url}/v1/declarations?wait=20000`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY }, body: JSON.stringify(d) });
    expect(res.status).toBe(200);
    return (await res.json() as { decision: Decision }).decision;
  }));
}

async function recordOutcomes(decisions: readonly Decision[]): Promise<number> {
  let n = 0;
  for (const d of decisions) {
    for (const item of d.items) {
      const nonCompliant = truth.get(d.declarationId)?.get(item.itemNo) ?? false;
      await intake.record({
        declarationId: d.declarationId, version: d.version, itemNo: item.itemNo, inspector: 'Mehmet Kaya',
        result: nonCompliant ? 'NON_COMPLIANT' : 'COMPLIANT', findings: [], inspectedAt: new Date().toISOString(),
      }, { kind: 'api-client', id: 'lab', roles: ['inspector'] });
      n++;
    }
  }
  return n;
}

async function decisionsInStream(): Promise<Decision[]> {
  const info = await hub.nats.jsm.streams.info(hub.names.streams.decisions);
  const out: Decision[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const m = await hub.nats.jsm.streams.getMessage(hub.names.streams.decisions, { seq }).catch(() => null);
    if (m) out.push(m.json<Decision>());
  }
  return out;
}

const scoredOf = async (d: Decision): Promise<ScoredDeclaration> =>
  (await hub.nats.jsm.streams.getMessage(hub.names.streams.scores, { last_by_subj: hub.names.subjects.scored(d.declarationId, d.version) }))!.json<ScoredDeclaration>();

describe('learning loop on the live hub', () => {
  let champion: string;
  let challenger: string;
  const decided: Decision[] = [];

  it('decides by the rules until a model is active, then by the ONNX champion with coded reasons', async () => {
    const [byRules] = await submit(1);
    expect(byRules!.modelVersion).toMatch(/^rules-/);
    decided.push(byRules!);

    champion = (await bootstrapDemoModel(learning.registry, logger, { weeks: 2, params: { rounds: 30 } }))!.version;
    await until(() => swl.learned.models.current.champion?.version === champion);
    const byModel = await submit(30);
    decided.push(...byModel);
    expect(byModel.every((d) => d.modelVersion === champion)).toBe(true);
    const reasons = byModel.flatMap((d) => d.items).flatMap((i) => i.reasons);
    expect(reasons.some((r) => r.code in MODEL_REASON_TEXT && r.weight > 0)).toBe(true);
    expect(reasons.every((r) => r.text.tr.length > 0 && r.text.en.length > 0)).toBe(true);
  });

  it('registry hard rules and random control show as causes RULE and RANDOM', async () => {
    closedTraders.add(world[next]!.trader.taxId);
    const [ruled] = await submit(1);
    expect(ruled!.items.every((i) => i.selectionCause === 'RULE' && i.lane === 'RED')).toBe(true);
    forceRandom = true;
    const [random] = await submit(1);
    forceRandom = false;
    expect(random!.items.every((i) => i.selectionCause === 'RANDOM')).toBe(true);
    expect(random!.modelVersion).toBe(champion);
    decided.push(ruled!, random!);
  });

  it('outcomes reach the training store; retraining installs a challenger that runs in shadow', async () => {
    const recorded = await recordOutcomes(decided);
    await until(async () => (await new TrainingStore(hub.nats.js, hub.nats.jsm, hub.names).rows()).length === recorded);
    const step = await loop.retrainer.trigger();
    expect(step.kind).toBe('challenger');
    challenger = step.kind === 'challenger' ? step.info.version : '';
    expect((await learning.registry.pointers())).toMatchObject({ active: champion, shadow: challenger });
    await until(() => swl.learned.models.current.shadow?.version === challenger);

    const shadowed = await submit(20);
    expect(shadowed.every((d) => d.modelVersion === champion)).toBe(true);
    const scored = await Promise.all(shadowed.map(scoredOf));
    expect(scored.every((s) => s.shadowVersion === challenger && s.items.every((i) => i.shadowScore !== undefined))).toBe(true);
    decided.push(...shadowed);
    await recordOutcomes(shadowed);
  });

  it('auto-promotion promotes a winning shadow (audited) and workers switch without a second decision', async () => {
    const eager = new Retrainer({
      registry: learning.registry, training: new TrainingStore(hub.nats.js, hub.nats.jsm, hub.names), admin: loop.admin, logger,
      minShadowRows: 10, margin: -1, capacityShare: 0.3,
    });
    await until(async () => (await new TrainingStore(hub.nats.js, hub.nats.jsm, hub.names).rows()).filter((r) => r.shadowVersion === challenger).length >= 10);
    const step = await eager.trigger();
    expect(step).toMatchObject({ kind: 'promoted', version: challenger });
    await until(() => swl.learned.models.current.champion?.version === challenger);
    const after = await submit(10);
    expect(after.every((d) => d.modelVersion === challenger)).toBe(true);
    const audit = (await hub.reliability!.audit.query({ action: 'model.promote' })).records;
    expect(audit.map((r) => [r.target, r.actor.kind, r.actor.id, r.result])).toEqual([[challenger, 'system', 'auto-promotion', 'OK']]);

    const all = await decisionsInStream();
    const ids = all.map((d) => d.declarationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(next);
  });

  it('outcomes move the live history features of the next item with the same GTİP prefix, whoever its trader', async () => {
    const [seen] = await submit(1);
    const seenDecl = world.find((w) => w.id === seen!.declarationId)!;
    const other = world.find((w) => w.trader.taxId !== seenDecl.trader.taxId && w.representative.tckn !== seenDecl.representative.tckn)!;
    const probe = async (): Promise<Record<string, number>> => {
      const d: Declaration = { ...other, id: `${other.id.slice(0, 10)}${serial()}`, items: [{ ...seenDecl.items[0]!, itemNo: 1 }], submittedAt: new Date().toISOString() };
      const res = await fetch(`${hub.url}/v1/declarations?wait=20000`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY }, body: JSON.stringify(d) });
      const { decision } = (await res.json()) as { decision: Decision };
      const x = (await scoredOf(decision)).items[0]!.features;
      return Object.fromEntries(['gtip4_log_count', 'gtip4_rate', 'gtip2_log_count', 'gtip12_log_count', 'trader_log_count'].map((n) => [n, x[FEATURE_NAMES.indexOf(n)]!]));
    };
    // Earlier outcomes all projected first, so only the one recorded below can move the features.
    await until(async () => {
      const c = await hub.nats.jsm.consumers.info(hub.names.streams.outcomes, OUTCOME_PROJECTOR_DURABLE);
      return c.num_pending === 0 && c.num_ack_pending === 0;
    });
    const before = await probe();
    truth.set(seen!.declarationId, new Map([[seen!.items[0]!.itemNo, true]]));
    await recordOutcomes([{ ...seen!, items: seen!.items.slice(0, 1) }]);
    await until(async () => (await probe()).gtip4_log_count > before.gtip4_log_count!);
    const after = await probe();
    expect(after.gtip12_log_count).toBeGreaterThan(before.gtip12_log_count!);
    expect(after.gtip2_log_count).toBeGreaterThan(before.gtip2_log_count!);
    expect(after.gtip4_rate).toBeGreaterThan(before.gtip4_rate!);
    // A different trader: its own history did not move.
    expect(after.trader_log_count).toBe(before.trader_log_count);
  });
});
