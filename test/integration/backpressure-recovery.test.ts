import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '@tareks/hub';
import type { DeclarationState } from '@tareks/schemas';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub } from '../src/support/running-hub.js';
import { dropNamespace, REDIS_URL, testNamespace } from '../src/support/test-env.js';

const headers = { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY };
const submit = (url: string, body: unknown) => fetch(`${url}/v1/declarations`, { method: 'POST', headers, body: JSON.stringify(body) });

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stateOf(url: string, id: string): Promise<DeclarationState | null> {
  const res = await fetch(`${url}/v1/declarations/${id}`, { headers });
  return res.status === 200 ? ((await res.json()) as DeclarationState) : null;
}

describe('back-pressure', () => {
  it('answers 503 with Retry-After over its backlog limit and accepts again once the pipeline drains', async () => {
    const ns = testNamespace();
    const api = await startTestHub({ TAREKS_ROLES: 'api', BACKLOG_LIMIT: '5' }, {}, ns);
    try {
      const accepted: string[] = [];
      let refused: Response | null = null;
      while (!refused) {
        const d = sampleDeclaration();
        const res = await submit(api.url!, d);
        if (res.status === 202) accepted.push(d.id);
        else refused = res;
        if (res.status === 202) await new Promise((r) => setTimeout(r, 50));
      }
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('2');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('HUB_ERR_BUSY');
      expect(accepted.length).toBeGreaterThan(5);

      const pipeline = await startTestHub({ TAREKS_ROLES: 'orchestrator,score-worker,projector,connectors,simulators' }, {}, ns);
      try {
        await until(() => submit(api.url!, sampleDeclaration()).then((r) => r.status), (s) => s === 202);
        for (const id of accepted) expect((await until(() => stateOf(api.url!, id), (s) => s?.status === 'DECIDED'))?.decision).toBeDefined();
      } finally {
        await pipeline.stop();
      }
    } finally {
      await api.stop();
      await dropNamespace(ns);
    }
  });
});

describe('reconciliation', () => {
  it('decides declarations whose queued score jobs were lost with Redis', async () => {
    const ns = testNamespace();
    const front = await startTestHub({ TAREKS_ROLES: 'api,orchestrator,projector,connectors,simulators' }, {}, ns);
    const ids: string[] = [];
    try {
      for (let i = 0; i < 10; i++) {
        const d = sampleDeclaration();
        expect((await submit(front.url!, d)).status).toBe(202);
        ids.push(d.id);
      }
      const redis = new Redis(REDIS_URL);
      try {
        await until(() => redis.keys(`${ns}:score:*`), (keys) => keys.some((k) => k.endsWith(':wait')) && keys.length >= 10);
        const keys = await redis.keys(`${ns}:*`);
        await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
      const back = await startTestHub({ TAREKS_ROLES: 'orchestrator,score-worker', RECONCILE_MIN_AGE_MS: '0', RECONCILE_EVERY_MS: '500' }, {}, ns);
      try {
        for (const id of ids) expect((await until(() => stateOf(front.url!, id), (s) => s?.status === 'DECIDED'))?.decision?.declarationId).toBe(id);
      } finally {
        await back.stop();
      }
    } finally {
      await front.stop();
      await dropNamespace(ns);
    }
  });
});
