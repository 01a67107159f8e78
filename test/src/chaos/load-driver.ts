import { createDeclarationsSoapClient, DeclarationsSoapError, type DeclarationsSoapClient } from '@tareks/adapters';
import type { Declaration } from '@tareks/schemas';
import type { CallbackReceiver } from '../support/callback-receiver.js';

/** A customs system of the run: its own API key, protocol and callback receiver. */
export interface CustomsClient {
  readonly clientId: string;
  readonly protocol: 'REST' | 'SOAP';
  readonly apiKey: string;
  readonly receiver: CallbackReceiver;
}

/** One declaration a driver lodged, and how that went. */
export interface Submission {
  readonly id: string;
  readonly version: number;
  readonly clientId: string;
  readonly protocol: 'REST' | 'SOAP';
  attempts: number;
  /** When the hub gave a 2xx / SOAP receipt (ms since epoch); undefined when it never did. */
  acceptedAt?: number;
  /** Why the last attempt failed, when it was not accepted. */
  lastError?: string;
}

export interface LoadDriverOptions {
  readonly hubUrl: string;
  readonly client: CustomsClient;
  readonly count: number;
  readonly ratePerSecond: number;
  /** Submissions (with their retries) under way at once. */
  readonly maxInFlight: number;
  /** The next declaration to lodge (unique id). */
  readonly next: () => Declaration;
}

export interface LoadDriver {
  readonly client: CustomsClient;
  readonly submissions: readonly Submission[];
  /** Resolves when every submission has been accepted or has given up. */
  readonly done: Promise<void>;
}

/** Attempts per declaration, and the time after its first attempt, after which the customs system gives up. */
const SUBMIT_ATTEMPTS = 45;
const SUBMIT_DEADLINE_MS = 120_000;
const backoffMs = (attempt: number): number => Math.min(3_000, 200 * 2 ** attempt);
const REST_TIMEOUT_MS = 20_000;
const TICK_MS = 50;

class Refused extends Error {}

/**
 * A customs system lodging declarations at a steady rate over REST or SOAP. Like a real one it resubmits the same
 * declaration (same id and version, which the hub deduplicates) when the hub is busy, down or unreachable, and gives up
 * only after a bounded number of attempts.
 */
export function startLoadDriver(o: LoadDriverOptions): LoadDriver {
  const submissions: Submission[] = [];
  let soap: Promise<DeclarationsSoapClient> | null = null;
  const soapClient = (): Promise<DeclarationsSoapClient> => {
    soap ??= createDeclarationsSoapClient({ url: `${o.hubUrl}/soap/declarations`, apiKey: o.client.apiKey, timeoutMs: REST_TIMEOUT_MS }).catch((err: unknown) => {
      soap = null;
      throw err;
    });
    return soap;
  };

  const sendOnce = async (d: Declaration): Promise<void> => {
    if (o.client.protocol === 'SOAP') {
      try {
        await (await soapClient()).submit(d);
      } catch (err) {
        if (err instanceof DeclarationsSoapError && !err.retryable) throw new Refused(`${err.code}: ${err.message}`);
        throw err;
      }
      return;
    }
    const res = await fetch(`${o.hubUrl}/v1/declarations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': o.client.apiKey },
      body: JSON.stringify(d),
      signal: AbortSignal.timeout(REST_TIMEOUT_MS),
    });
    const text = await res.text();
    if (res.status === 200 || res.status === 202) return;
    const message = `HTTP ${res.status}: ${text.slice(0, 200)}`;
    if (res.status === 429 || res.status >= 500) throw new Error(message);
    throw new Refused(message);
  };

  const lodge = async (s: Submission, d: Declaration): Promise<void> => {
    const deadline = Date.now() + SUBMIT_DEADLINE_MS;
    for (; s.attempts < SUBMIT_ATTEMPTS && Date.now() < deadline; ) {
      s.attempts++;
      try {
        await sendOnce(d);
        s.acceptedAt = Date.now();
        s.lastError = undefined;
        return;
      } catch (err) {
        s.lastError = (err as Error).message;
        if (err instanceof Refused) return;
        await new Promise((r) => setTimeout(r, backoffMs(s.attempts)));
      }
    }
  };

  const done = new Promise<void>((resolve) => {
    const inFlight = new Set<Promise<void>>();
    let due = 0;
    const timer = setInterval(() => {
      due = Math.min(due + (o.ratePerSecond * TICK_MS) / 1000, o.maxInFlight);
      while (due >= 1 && submissions.length < o.count && inFlight.size < o.maxInFlight) {
        due--;
        const d = o.next();
        const s: Submission = { id: d.id, version: d.version, clientId: o.client.clientId, protocol: o.client.protocol, attempts: 0 };
        submissions.push(s);
        const p = lodge(s, d).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      if (submissions.length >= o.count) {
        clearInterval(timer);
        void Promise.allSettled([...inFlight]).then(() => resolve());
      }
    }, TICK_MS);
  });
  return { client: o.client, submissions, done };
}
