import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '@tareks/hub';
import type { Declaration } from '@tareks/schemas';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

let hub: TestHub;
let readOnlyKey: string;
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  hub = await startTestHub({ BODY_LIMIT_BYTES: '65536' });
  readOnlyKey = await hub.apiKeys.create('read-only-client', ['declarations:read']);
});
afterAll(async () => {
  await hub?.dispose();
});

async function submit(body: string, headers: Record<string, string> = { ...json, 'x-api-key': DEMO_API_KEY }) {
  const res = await fetch(`${hub.url}/v1/declarations`, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as { error: { code: string; details?: Array<{ code: string; pointer: string }> } } };
}

const mutate = (f: (d: Declaration) => void): string => {
  const d = sampleDeclaration();
  f(d);
  return JSON.stringify(d);
};

async function rejectedCount(code: string): Promise<number> {
  const text = await (await fetch(`${hub.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('tareks_ingest_rejected_total{') && l.includes(`code="${code}"`) && l.includes('protocol="REST"'));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('REST bad input: precise error, counted, nothing accepted', () => {
  const cases: Array<[string, () => string, number, string, string?]> = [
    ['malformed JSON', () => '{"id": "26341300IM000001", ', 400, 'HUB_ERR_MALFORMED_JSON'],
    ['invalid TCKN check digit', () => mutate((d) => (d.representative.tckn = '17291716061')), 400, 'HUB_ERR_TCKN_INVALID', '/representative/tckn'],
    ['invalid VKN check digit', () => mutate((d) => (d.trader.taxId = '4540536921')), 400, 'HUB_ERR_TAX_ID_INVALID', '/trader/taxId'],
    ['GTİP with 10 digits', () => mutate((d) => (d.items[0]!.gtip = '9503007000')), 400, 'HUB_ERR_GTIP_INVALID', '/items/0/gtip'],
    ['unknown country', () => mutate((d) => (d.items[1]!.originCountry = 'XX')), 400, 'HUB_ERR_COUNTRY_INVALID', '/items/1/originCountry'],
    ['unknown currency', () => mutate((d) => (d.items[0]!.value.currency = 'USX')), 400, 'HUB_ERR_CURRENCY_INVALID', '/items/0/value/currency'],
    ['unknown field', () => mutate((d) => Object.assign(d.items[0]!, { discount: 5 })), 400, 'HUB_ERR_FIELD_UNKNOWN', '/items/0/discount'],
    ['wrong type', () => mutate((d) => Object.assign(d.items[0]!, { quantity: 'many' })), 400, 'HUB_ERR_TYPE_MISMATCH', '/items/0/quantity'],
    ['missing field', () => mutate((d) => delete (d as Partial<Declaration>).customsOffice), 400, 'HUB_ERR_FIELD_REQUIRED', '/customsOffice'],
    ['value not allowed', () => mutate((d) => Object.assign(d, { kind: 'TRANSIT' })), 400, 'HUB_ERR_VALUE_NOT_ALLOWED', '/kind'],
    ['duplicate item number', () => mutate((d) => (d.items[1]!.itemNo = 1)), 400, 'HUB_ERR_DUPLICATE_ITEM_NO', '/items/1/itemNo'],
    ['body too large', () => mutate((d) => (d.items[0]!.description = 'x'.repeat(70_000))), 413, 'HUB_ERR_BODY_TOO_LARGE'],
  ];

  it.each(cases)('%s', async (_name, body, status, code, pointer) => {
    const before = await rejectedCount(code);
    const res = await submit(body());
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    if (pointer) expect(res.body.error.details?.map((d) => d.pointer)).toContain(pointer);
    expect(await rejectedCount(code)).toBe(before + 1);
  });

  it('refuses a missing key, an unknown key and a key without the scope', async () => {
    const body = JSON.stringify(sampleDeclaration());
    expect((await submit(body, json)).body.error.code).toBe('HUB_ERR_API_KEY_MISSING');
    const wrong = await submit(body, { ...json, 'x-api-key': 'not-a-key' });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'HUB_ERR_API_KEY_INVALID']);
    const scope = await submit(body, { ...json, 'x-api-key': readOnlyKey });
    expect([scope.status, scope.body.error.code]).toEqual([403, 'HUB_ERR_SCOPE_DENIED']);
  });

  it('keeps deciding valid traffic sent between the bad inputs', async () => {
    const valid = Array.from({ length: 20 }, () => sampleDeclaration());
    const bad = Array.from({ length: 20 }, (_, i) => mutate((d) => (d.items[0]!.gtip = `12${i}`)));
    const results = await Promise.all([
      ...valid.map((d) => fetch(`${hub.url}/v1/declarations?wait=15000`, { method: 'POST', headers: { ...json, 'x-api-key': DEMO_API_KEY }, body: JSON.stringify(d) })),
      ...bad.map((b) => submit(b)),
    ]);
    expect(results.slice(0, 20).map((r) => (r as Response).status)).toEqual(Array(20).fill(200));
    expect(results.slice(20).map((r) => (r as { status: number }).status)).toEqual(Array(20).fill(400));
  });
});

describe('REST rate limit per client', () => {
  it('answers 429 with a code once a client exceeds its budget', async () => {
    const limited = await startTestHub({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${limited.url}/v1/declarations`, { method: 'POST', headers: { ...json, 'x-api-key': DEMO_API_KEY }, body: JSON.stringify(sampleDeclaration()) });
        codes.push(res.status);
        if (res.status === 429) expect(((await res.json()) as { error: { code: string } }).error.code).toBe('HUB_ERR_RATE_LIMITED');
      }
      expect(codes).toEqual([202, 202, 202, 429, 429]);
    } finally {
      await limited.dispose();
    }
  });
});
