import { submitDeclarationEnvelope } from '@tareks/adapters';
import type { Declaration } from '@tareks/schemas';
import type { Json } from './mutation.js';
import type { Protocol } from './hostile-case.js';
import { envelope11, submitXml, usernameToken } from './soap.builder.js';
import { SOAP11_TYPE } from './soap.corpus.js';

/** Longest a valid submission waits for its decision, in ms (the hub caps it at MAX_WAIT_MS). */
export const WAIT_MS = 10_000;

export interface ValidResult {
  readonly id: string;
  readonly version: number;
  readonly protocol: Protocol;
  readonly status: number;
  /** The hub took it: a receipt (REST 200/202, SOAP 200 with a receipt). */
  readonly accepted: boolean;
}

export interface Credentials {
  readonly apiKey: string;
  readonly clientId: string;
}

/** How a valid declaration travels: REST, SOAP with X-API-Key (the hub's own envelope writer), or SOAP with a UsernameToken. */
export type Route = 'REST' | 'SOAP-key' | 'SOAP-token';

export async function sendValid(baseUrl: string, d: Declaration, route: Route, creds: Credentials): Promise<ValidResult> {
  if (route === 'REST') {
    const res = await fetch(`${baseUrl}/v1/declarations?wait=${WAIT_MS}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': creds.apiKey },
      body: JSON.stringify(d),
    });
    await res.arrayBuffer();
    return { id: d.id, version: d.version, protocol: 'REST', status: res.status, accepted: res.status === 200 || res.status === 202 };
  }
  const body =
    route === 'SOAP-key'
      ? submitDeclarationEnvelope(d, WAIT_MS)
      : envelope11(submitXml(d as unknown as Json, `<d:waitMs>${WAIT_MS}</d:waitMs>`), usernameToken({ username: creds.clientId, password: creds.apiKey }));
  const headers: Record<string, string> = { 'content-type': SOAP11_TYPE, ...(route === 'SOAP-key' ? { 'x-api-key': creds.apiKey } : {}) };
  const res = await fetch(`${baseUrl}/soap/declarations`, { method: 'POST', headers, body });
  const text = await res.text();
  return { id: d.id, version: d.version, protocol: 'SOAP', status: res.status, accepted: res.status === 200 && /<(\w+:)?receipt>/.test(text) };
}

/** Runs `fn` over `items` with at most `concurrency` calls in flight; results keep the input order. */
export async function runPool<T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}
