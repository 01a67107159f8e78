import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeclarationsSoapClient, DeclarationsSoapError, type DeclarationsSoapClient } from '@tareks/adapters';
import { DEMO_API_KEY, DEMO_CLIENT_ID } from '@tareks/hub';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

let hub: TestHub;
let soap: DeclarationsSoapClient;

beforeAll(async () => {
  hub = await startTestHub();
  soap = await createDeclarationsSoapClient({ url: `${hub.url}/soap/declarations`, apiKey: DEMO_API_KEY });
});
afterAll(async () => {
  await hub?.dispose();
});

describe('SOAP ingest through the whole hub', () => {
  it('submits, waits for the decision and reads it back with GetDecision', async () => {
    const decl = sampleDeclaration();
    const result = await soap.submit(decl, 10_000);
    expect(result.receipt).toMatchObject({ id: decl.id, version: 1, status: 'DECIDED', duplicate: false });
    expect(result.decision?.items.map((i) => i.itemNo)).toEqual([1, 2]);
    const state = await soap.getDecision(decl.id);
    expect(state.decision).toEqual(result.decision);
  });

  it('gives the same receipt to a resubmission over REST of what came over SOAP (one decision)', async () => {
    const decl = sampleDeclaration();
    const first = await soap.submit(decl, 10_000);
    const res = await fetch(`${hub.url}/v1/declarations?wait=10000`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY },
      body: JSON.stringify(decl),
    });
    const body = (await res.json()) as { receipt: { duplicate: boolean; receivedAt: string }; decision: unknown };
    expect(body.receipt.duplicate).toBe(true);
    expect(body.receipt.receivedAt).toBe(first.receipt.receivedAt);
    expect(body.decision).toEqual(first.decision);
  });

  it('authenticates with a WS-Security UsernameToken too', async () => {
    const token = await createDeclarationsSoapClient({ url: `${hub.url}/soap/declarations`, apiKey: DEMO_API_KEY, clientId: DEMO_CLIENT_ID });
    const decl = sampleDeclaration();
    expect((await token.submit(decl)).receipt.id).toBe(decl.id);
  });

  it('advertises AttachDocument with base64 content in the served contract', async () => {
    const wsdl = await (await fetch(`${hub.url}/soap/declarations?wsdl`)).text();
    expect(wsdl).toContain('soapAction="urn:tareks:hub:declarations:v1#AttachDocument"');
    const xsd = await (await fetch(`${hub.url}/soap/declarations?xsd=declarations.xsd`)).text();
    expect(xsd).toContain('<xs:element name="content" type="xs:base64Binary"/>');
  });

  it('answers an invalid TCKN with a fault carrying our code and the element path', async () => {
    const decl = sampleDeclaration();
    decl.representative.tckn = '17291716061';
    const err = await soap.submit(decl).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeclarationsSoapError);
    expect((err as DeclarationsSoapError).code).toBe('HUB_ERR_TCKN_INVALID');
    expect((err as DeclarationsSoapError).details.map((d) => d.pointer)).toContain('SubmitDeclaration/declaration/representative/tckn');
  });
});
