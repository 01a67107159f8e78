import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { FEATURE_COUNT, generateDataset, prepareData, WeeklyFeatures } from '@tareks/scoring';
import { AuditLog } from '../../src/audit/audit.log.js';
import { LeaderLease, type LeaseRecord } from '../../src/models/leader-lease.js';
import { openLearning, RETRAIN_LEASE_KEY, type Learning } from '../../src/models/learning.setup.js';
import { ModelAdmin } from '../../src/models/model.admin.js';
import { Retrainer, type RetrainStep } from '../../src/models/retrainer.js';
import type { TrainingRow } from '../../src/outcomes/training.store.js';
import { openTestNamespace, type TestNamespace } from '../warehouse/nats-namespace.js';

const logger = pino({ level: 'silent' });
const TTL_MS = 3_000;

let t: TestNamespace;
let learning: Learning;
let rows: TrainingRow[];
const leases: LeaderLease[] = [];

/** Labelled rows from a generated world, as the training store would give them. */
function trainingRows(): TrainingRow[] {
  const data = prepareData([...generateDataset({ seed: 4, weeks: 2, withDocuments: false, driftWeek: null })]);
  const features = new WeeklyFeatures(data.rows, data.day, data.week);
  data.weeks.forEach((w, i) => {
    features.buildWeek(i, w);
    features.reveal(w, w.map((r) => data.labels[r] === 1));
  });
  return data.rows.slice(0, 600).map((r, i) => ({
    key: `${r.declarationId}.1.${r.itemNo}`,
    inspectedAt: `${r.date}T12:00:00.000Z`,
    features: Array.from(features.matrix.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT)),
    label: data.labels[i] === 1 ? 1 : 0,
    score: 0.5,
    modelVersion: 'rules-test',
  }));
}

function retrainer(holder: string): { retrainer: Retrainer; lease: LeaderLease } {
  const lease = new LeaderLease({ kv: learning.registry.settings, key: RETRAIN_LEASE_KEY, holder, ttlMs: TTL_MS, logger });
  leases.push(lease);
  lease.start();
  const admin = new ModelAdmin(learning.registry, new AuditLog(t.js, t.names, logger));
  return { lease, retrainer: new Retrainer({ registry: learning.registry, training: { rows: async () => rows }, admin, logger, lease, minRows: 100, params: { rounds: 10 } }) };
}

async function leaseRecord(): Promise<LeaseRecord | null> {
  const e = await learning.registry.settings.get(RETRAIN_LEASE_KEY);
  return e && e.operation === 'PUT' ? e.json<LeaseRecord>() : null;
}

beforeAll(async () => {
  t = await openTestNamespace();
  learning = await openLearning(t, t.names);
  rows = trainingRows();
});

afterAll(async () => {
  for (const l of leases) await l.stop({ release: false });
  await t?.jsm.streams.delete(`OBJ_${t.names.objectStore.models}`).catch(() => undefined);
  await t?.drop();
});

describe('retrainer leader election over a NATS KV lease', () => {
  it('with two retrainers only one trains; when the leader dies the other takes over once the lease expires', async () => {
    const a = retrainer('learning-a');
    const b = retrainer('learning-b');
    const steps: RetrainStep[] = await Promise.all([a.retrainer.trigger(), b.retrainer.trigger()]);
    expect(steps.map((s) => s.kind).sort()).toEqual(['challenger', 'follower']);
    expect(await learning.registry.list()).toHaveLength(1);

    const [leader, other] = steps[0]!.kind === 'challenger' ? [a, b] : [b, a];
    const held = (await leaseRecord())!;
    expect(held.holder).toBe(leader === a ? 'learning-a' : 'learning-b');
    // Renewals keep it while the leader lives: the follower stays a follower past one TTL.
    await new Promise((r) => setTimeout(r, TTL_MS * 1.5));
    expect((await other.retrainer.trigger()).kind).toBe('follower');

    // The leader dies: it stops renewing and never releases.
    await leader.lease.stop({ release: false });
    const lastExpiry = (await leaseRecord())!.expiresAt;
    let taken: RetrainStep;
    do {
      await new Promise((r) => setTimeout(r, 100));
      taken = await other.retrainer.trigger();
    } while (taken.kind === 'follower');
    expect(taken.kind).toBe('challenger');
    const now = (await leaseRecord())!;
    expect(now.holder).toBe(other === a ? 'learning-a' : 'learning-b');
    expect(now.acquiredAt).toBeGreaterThanOrEqual(lastExpiry);
    expect(await learning.registry.list()).toHaveLength(2);
  });

  it('a lease handed back on a clean stop is free at once', async () => {
    expect(await leaseRecord()).not.toBeNull();
    // The living holder shuts down cleanly (the dead one's stop does nothing: it holds nothing).
    for (const l of leases) await l.stop();
    expect(await leaseRecord()).toBeNull();
    const e = new LeaderLease({ kv: learning.registry.settings, key: RETRAIN_LEASE_KEY, holder: 'learning-e', ttlMs: TTL_MS, logger });
    leases.push(e);
    expect(await e.hold()).toBe(true);
  });
});
