import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, type ConnectionOptions, type Worker } from 'bullmq';
import { pino } from 'pino';
import {
  createScoreWorker, LaneRouter, LiveVectors, loadRuleConfig, ModelSlot, NO_HISTORY, USD_PER_UNIT, exportOnnx, loadServedModel, trainGbdt,
  type ServedModel, type TraderHistory,
} from '@tareks/scoring';
import { names, versionJobId, type Decision, type ScoreJob, type ScoredDeclaration } from '@tareks/schemas';
import { declarations, jobOf, served, smallModel } from './model-fixture.js';

const connection: ConnectionOptions = { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null };
const n = names(`t_${randomBytes(5).toString('hex')}`);
const history: TraderHistory = { get: async () => NO_HISTORY, seen: () => undefined };
const until = async (cond: () => boolean): Promise<void> => {
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
};

let queue: Queue<ScoreJob>;
let worker: Worker<ScoreJob, void>;
const slot = new ModelSlot();
const decisions: Decision[] = [];
const scored: ScoredDeclaration[] = [];
let a: ServedModel;
let b: ServedModel;

beforeAll(async () => {
  const model = smallModel(3, 20);
  a = await served('m-20260101000000-aaaaaa', model);
  b = await served('m-20260102000000-bbbbbb', smallModel(4, 20));
  queue = new Queue(n.queues.score, { connection, prefix: n.bullPrefix });
  worker = createScoreWorker({
    connection, prefix: n.bullPrefix, queueName: n.queues.score, concurrency: 8, history, rules: loadRuleConfig(),
    logger: pino({ level: 'silent' }),
    learned: { models: slot, router: new LaneRouter(), vectors: new LiveVectors(USD_PER_UNIT), publishScored: async (s) => void scored.push(s) },
    publishDecision: async (d) => void decisions.push(d),
  });
});

afterAll(async () => {
  await worker?.close();
  await queue?.obliterate({ force: true });
  await queue?.close();
  await slot.close();
});

async function run(jobs: ScoreJob[]): Promise<Decision[]> {
  const ids = new Set(jobs.map((j) => j.declaration.id));
  await queue.addBulk(jobs.map((j) => ({ name: 'score', data: j, opts: { jobId: versionJobId(j.declaration.id, j.declaration.version) } })));
  await until(() => decisions.filter((d) => ids.has(d.declarationId)).length >= ids.size);
  return decisions.filter((d) => ids.has(d.declarationId));
}

describe('score worker with the learned model', () => {
  it('decides by the rules while no model is active, and still records vectors for training', async () => {
    const [d] = await run(declarations(1, 21).map((x) => jobOf(x)));
    expect(d!.modelVersion).toMatch(/^rules-/);
    expect(scored.find((s) => s.declarationId === d!.declarationId)!.items[0]!.features.length).toBeGreaterThan(0);
  });

  it('hot-swaps the champion while jobs flow: one decision per job, each by A or B, all by B after the swap', async () => {
    slot.swap({ champion: a, shadow: null });
    const first = await run(declarations(30, 22).map((x) => jobOf(x)));
    const batch = declarations(60, 23).map((x) => jobOf(x));
    const ids = new Set(batch.map((j) => j.declaration.id));
    const flowing = run(batch);
    await until(() => decisions.filter((d) => ids.has(d.declarationId)).length >= 10);
    slot.swap({ champion: b, shadow: a });
    const during = await flowing;
    const after = await run(declarations(20, 24).map((x) => jobOf(x)));

    expect(first.every((d) => d.modelVersion === a.version)).toBe(true);
    expect(new Set(during.map((d) => d.declarationId)).size).toBe(during.length);
    expect(during).toHaveLength(60);
    expect(during.every((d) => d.modelVersion === a.version || d.modelVersion === b.version)).toBe(true);
    expect(after.every((d) => d.modelVersion === b.version)).toBe(true);
    const shadowed = scored.filter((s) => after.some((d) => d.declarationId === s.declarationId));
    expect(shadowed.every((s) => s.shadowVersion === a.version && s.items.every((i) => i.shadowScore !== undefined))).toBe(true);
  });

  it('falls back to the rules when inference fails', async () => {
    const X = new Float32Array(20 * 3).map((_, i) => i % 5);
    const broken = trainGbdt({ X, y: Uint8Array.from({ length: 20 }, (_, i) => i % 2), featureNames: ['a', 'b', 'c'], params: { rounds: 2 } });
    slot.swap({ champion: await loadServedModel('m-20260104000000-dddddd', exportOnnx(broken), broken), shadow: null });
    const [d] = await run(declarations(1, 25).map((x) => jobOf(x)));
    expect(d!.modelVersion).toMatch(/^rules-/);
  });
});
