import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '@tareks/hub';
import type { Decision } from '@tareks/schemas';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

let hub: TestHub;

beforeAll(async () => {
  // The KPS simulator answers every call with 503 (full outage) from the start; this test file runs in its own process.
  process.env.KPS_SIM_OUTAGE = '1';
  hub = await startTestHub({ REGISTRY_MAX_WAIT_MS: '1500' });
});
afterAll(async () => {
  delete process.env.KPS_SIM_OUTAGE;
  await hub?.dispose();
});

describe('a registry in full outage', () => {
  it('decides after the wait policy with REGISTRY_UNAVAILABLE, never GREEN on unverified identity', async () => {
    const res = await fetch(`${hub.url}/v1/declarations?wait=30000`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY },
      body: JSON.stringify(sampleDeclaration()),
    });
    expect(res.status).toBe(200);
    const { decision } = (await res.json()) as { decision: Decision };
    for (const item of decision.items) {
      expect(item.reasons.map((r) => r.code)).toContain('REGISTRY_UNAVAILABLE');
      expect(item.lane).not.toBe('GREEN');
    }
  });
});
