import { createHmac, timingSafeEqual } from 'node:crypto';
import { WEBHOOK_TOLERANCE_SECONDS } from '@tareks/schemas';

const hmacHex = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** The `X-Tareks-Signature` value for `body` sent at `timestamp` (unix seconds): `t=<ts>,v1=<hex hmac>`. */
export const signWebhook = (secret: string, body: string, timestamp: number = Math.floor(Date.now() / 1000)): string =>
  `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;

export type SignatureVerdict =
  | { readonly ok: true; readonly timestamp: number }
  | { readonly ok: false; readonly reason: 'MALFORMED' | 'MISMATCH' | 'EXPIRED' };

export interface VerifyOptions {
  /** Accepted clock distance between sender and receiver, seconds. Default 300 (`WEBHOOK_TOLERANCE_SECONDS`). */
  readonly toleranceSeconds?: number;
  /** Receiver's clock, unix seconds; default now. */
  readonly now?: number;
}

/**
 * Receiver side: recomputes the HMAC over the raw body and compares in constant time; a timestamp outside the window
 * is refused so a captured request cannot be replayed later. Several `v1=` entries are allowed (secret rotation).
 */
export function verifyWebhookSignature(secret: string, header: string | undefined, rawBody: string, options: VerifyOptions = {}): SignatureVerdict {
  if (!header) return { ok: false, reason: 'MALFORMED' };
  const parts = header.split(',').map((p) => p.trim().split('=', 2) as [string, string | undefined]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const candidates = parts.filter(([k, v]) => k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)).map(([, v]) => Buffer.from(v!, 'hex'));
  if (!Number.isSafeInteger(t) || candidates.length === 0) return { ok: false, reason: 'MALFORMED' };
  const expected = Buffer.from(hmacHex(secret, t, rawBody), 'hex');
  if (!candidates.some((c) => timingSafeEqual(c, expected))) return { ok: false, reason: 'MISMATCH' };
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) return { ok: false, reason: 'EXPIRED' };
  return { ok: true, timestamp: t };
}
