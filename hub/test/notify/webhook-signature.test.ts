import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from '@tareks/adapters';
import { deliveryIdOf } from '../../src/notify/delivery-id.js';

const SECRET = 's3cret';
const BODY = '{"deliveryId":"x","decision":{}}';

describe('webhook signature (t=<unix>,v1=<hmac-sha256(secret, t.body)>)', () => {
  const header = signWebhook(SECRET, BODY, 1_800_000_000);

  it.each([
    ['the signed body at the same time', SECRET, header, BODY, 1_800_000_000, { ok: true, timestamp: 1_800_000_000 }],
    ['within the window', SECRET, header, BODY, 1_800_000_299, { ok: true, timestamp: 1_800_000_000 }],
    ['outside the window (a replayed request)', SECRET, header, BODY, 1_800_000_301, { ok: false, reason: 'EXPIRED' }],
    ['a changed body', SECRET, header, `${BODY} `, 1_800_000_000, { ok: false, reason: 'MISMATCH' }],
    ['another secret', 'other', header, BODY, 1_800_000_000, { ok: false, reason: 'MISMATCH' }],
    ['a changed timestamp', SECRET, header.replace('t=1800000000', 't=1800000001'), BODY, 1_800_000_000, { ok: false, reason: 'MISMATCH' }],
    ['no header', SECRET, undefined, BODY, 1_800_000_000, { ok: false, reason: 'MALFORMED' }],
    ['garbage', SECRET, 't=abc,v1=zz', BODY, 1_800_000_000, { ok: false, reason: 'MALFORMED' }],
    ['a rotated secret next to the new one', SECRET, `${signWebhook('old', BODY, 1_800_000_000)},${header.split(',')[1]}`, BODY, 1_800_000_000, { ok: true, timestamp: 1_800_000_000 }],
  ])('%s', (_name, secret, h, body, now, verdict) => {
    expect(verifyWebhookSignature(secret, h, body, { now })).toEqual(verdict);
  });

  it('derives one delivery id per client, declaration and version', () => {
    const id = deliveryIdOf('customs-a', '26341300IM000123', 1);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(deliveryIdOf('customs-a', '26341300IM000123', 1)).toBe(id);
    expect(deliveryIdOf('customs-a', '26341300IM000123', 2)).not.toBe(id);
    expect(deliveryIdOf('customs-b', '26341300IM000123', 1)).not.toBe(id);
  });
});
