import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { AuthorizationResult, DeadLetter } from '@tareks/schemas';
import { startWarehouse, type RunningWarehouse } from '../../src/warehouse/warehouse.js';
import { openTestNamespace, type TestNamespace } from './nats-namespace.js';
import { declarationAndDecision, outcome } from './warehouse.fixtures.js';

const logger = pino({ level: 'silent' });
let t: TestNamespace;
let dir: string;

beforeAll(async () => {
  t = await openTestNamespace();
  dir = mkdtempSync(join(tmpdir(), 'tareks-wh-'));
});
afterAll(async () => {
  await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function publishJson(subject: string, body: unknown, msgID?: string): Promise<void> {
  await t.js.publish(subject, JSON.stringify(body), msgID ? { msgID } : undefined);
}

const start = (file: string, rebuild = false): Promise<RunningWarehouse> =>
  startWarehouse({ js: t.js, jsm: t.jsm, names: t.names, logger, path: join(dir, file), rebuild, batchSize: 50 });

async function counts(w: RunningWarehouse): Promise<Record<string, number>> {
  const [row] = await w.db.query(`SELECT
    (SELECT count(*) FROM declarations)::INTEGER AS declarations,
    (SELECT count(*) FROM declaration_items)::INTEGER AS declaration_items,
    (SELECT count(*) FROM decision_items)::INTEGER AS decision_items,
    (SELECT count(*) FROM decision_items WHERE NOT superseded)::INTEGER AS current_items,
    (SELECT count(*) FROM outcomes)::INTEGER AS outcomes,
    (SELECT count(*) FROM authorizations)::INTEGER AS authorizations,
    (SELECT count(*) FROM dead_letters)::INTEGER AS dead_letters`);
  return row as Record<string, number>;
}

describe('warehouse projection (real NATS, DuckDB file)', () => {
  it('projects every stream idempotently, marks superseded versions and rebuilds from the streams', async () => {
    const n = t.names;
    const a = declarationAndDecision({ items: [{ gtip: '950300700000', origin: 'CN', lane: 'RED', score: 0.9 }, { gtip: '851660100000', origin: 'DE', lane: 'GREEN', score: 0.1 }] });
    const a2 = declarationAndDecision({ id: a.decision.declarationId, version: 2, items: [{ gtip: '950300700000', origin: 'CN', lane: 'YELLOW', score: 0.5 }] });
    for (const x of [a, a2]) await publishJson(n.subjects.declReceived, x.received);
    await publishJson(n.subjects.decision('341300', 'RED'), a.decision);
    // The same decision again without a message id: the stream keeps both, the warehouse one row per item.
    await publishJson(n.subjects.decision('341300', 'RED'), a.decision);
    await publishJson(n.subjects.decision('341300', 'YELLOW'), a2.decision);
    await publishJson(n.subjects.outcome('341300'), outcome(a.decision, 1, 'NON_COMPLIANT'));
    const auth: AuthorizationResult = { requestId: 'REQ-00000001', status: 'REJECTED', reasons: [{ code: 'NOT_OFFICER', weight: 1, text: { tr: 'yetkili değil', en: 'not an officer' } }], decidedAt: new Date().toISOString() };
    await publishJson(n.subjects.authorization('REJECTED'), auth);
    const letter: DeadLetter = {
      id: 'dl-1', stage: 'score', subject: 'bullmq:score', payload: '', headers: {}, error: { code: 'HUB_ERR_SCORING_FAILED', message: 'boom' },
      attempts: 3, firstFailureAt: new Date().toISOString(), lastFailureAt: new Date().toISOString(), replays: [],
    };
    await publishJson(n.subjects.dlq('score'), letter);
    await publishJson(n.subjects.dlq('score'), { not: 'a dead letter' });

    const expected = { declarations: 2, declaration_items: 3, decision_items: 3, current_items: 1, outcomes: 1, authorizations: 1, dead_letters: 1 };
    const first = await start('a.duckdb');
    try {
      await first.waitCaughtUp();
      expect(await counts(first)).toEqual(expected);
      expect(first.skipped()).toBe(1);
    } finally {
      await first.stop();
    }

    // A fresh file under the same durable consumers: they are ahead of it, so it reads the streams again.
    const second = await start('b.duckdb');
    try {
      await second.waitCaughtUp();
      expect(await counts(second)).toEqual(expected);
      await publishJson(n.subjects.outcome('341300'), outcome(a.decision, 2, 'COMPLIANT'));
      await second.waitCaughtUp();
      expect((await counts(second)).outcomes).toBe(2);
    } finally {
      await second.stop();
    }

    const rebuilt = await start('b.duckdb', true);
    try {
      await rebuilt.waitCaughtUp();
      expect(await counts(rebuilt)).toEqual({ ...expected, outcomes: 2 });
    } finally {
      await rebuilt.stop();
    }
  });
});
