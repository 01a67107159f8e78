import { DEMO_API_KEY } from '@tareks/hub';
import type { Decision, Declaration, DeclarationState } from '@tareks/schemas';
import { sampleDeclaration } from './fixtures.js';

/** Submits over REST and waits for the decision in the same call (`?wait`); throws unless the hub answers 200 with it. */
export async function submitAndDecide(url: string, declaration: Declaration = sampleDeclaration(), waitMs = 20_000, key: string = DEMO_API_KEY): Promise<Decision> {
  const res = await fetch(`${url}/v1/declarations?wait=${waitMs}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify(declaration),
  });
  if (res.status !== 200) throw new Error(`submission of ${declaration.id} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { decision: Decision }).decision;
}

/** Polls `GET /v1/declarations/{id}` until the declaration is decided (the caller's test timeout bounds the wait). */
export async function decisionOf(url: string, id: string, key: string = DEMO_API_KEY): Promise<Decision> {
  for (;;) {
    const res = await fetch(`${url}/v1/declarations/${id}`, { headers: { 'x-api-key': key } });
    const state = res.status === 200 ? ((await res.json()) as DeclarationState) : null;
    if (state?.status === 'DECIDED' && state.decision) return state.decision;
    await new Promise((r) => setTimeout(r, 300));
  }
}
