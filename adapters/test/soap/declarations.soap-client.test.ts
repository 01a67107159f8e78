import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeclarationsSoapClient, DeclarationsSoapError } from '../../src/soap/declarations.soap-client.js';
import { busy, decisionFor, fullDeclaration, KEYS } from './soap.fixtures.js';
import { buildSoapApp, type SoapTestApp } from './soap.raw.js';

let t: SoapTestApp;
let url: string;
beforeAll(async () => {
  t = await buildSoapApp();
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `${address}/soap/declarations`;
});
afterAll(async () => {
  await t.app.close();
});

async function rejection(p: Promise<unknown>): Promise<DeclarationsSoapError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeclarationsSoapError);
  return err as DeclarationsSoapError;
}

describe('createDeclarationsSoapClient (the soap package, reading our WSDL)', () => {
  it('submits a full declaration and reads back receipt and decision as contract types', async () => {
    const client = await createDeclarationsSoapClient({ url, apiKey: KEYS.full });
    const declaration = fullDeclaration({ id: '26341300IM100001' });
    const result = await client.submit(declaration, 1000);
    expect(t.ingest.calls.at(-1)!.declaration).toEqual(declaration);
    expect(result).toEqual({
      receipt: { id: declaration.id, version: 2, status: 'DECIDED', receivedAt: '2026-11-24T10:15:31.000Z', statusUrl: `/api/v1/declarations/${declaration.id}`, duplicate: false },
      decision: decisionFor(declaration),
    });
    expect(await client.getDecision(declaration.id)).toEqual(expect.objectContaining({ id: declaration.id, status: 'DECIDED', decision: decisionFor(declaration) }));
  });

  it('authenticates with a WS-Security UsernameToken when given a client id', async () => {
    const client = await createDeclarationsSoapClient({ url, apiKey: KEYS.full, clientId: 'gtb-customs' });
    const result = await client.submit(fullDeclaration({ id: '26341300IM100002' }));
    expect(result.receipt.status).toBe('RECEIVED');
    expect(result.decision).toBeUndefined();
  });

  it('turns faults into typed errors with the code and element paths', async () => {
    const client = await createDeclarationsSoapClient({ url, apiKey: KEYS.full });
    const d = fullDeclaration({ id: '26341300IM100003' });
    d.representative.tckn = '17291716061';
    const invalid = await rejection(client.submit(d));
    expect(invalid).toMatchObject({ code: 'HUB_ERR_TCKN_INVALID', faultCode: 'Client', retryable: false });
    expect(invalid.details).toEqual([expect.objectContaining({ code: 'HUB_ERR_TCKN_INVALID', pointer: 'SubmitDeclaration/declaration/representative/tckn' })]);
    expect(await rejection(client.getDecision('26341300IM999999'))).toMatchObject({ code: 'HUB_ERR_NOT_FOUND' });
    const wrongKey = await createDeclarationsSoapClient({ url, apiKey: 'nope' });
    expect(await rejection(wrongKey.submit(fullDeclaration()))).toMatchObject({ code: 'HUB_ERR_API_KEY_INVALID' });
  });

  it('marks back-pressure (Server.Busy) as retryable', async () => {
    const client = await createDeclarationsSoapClient({ url, apiKey: KEYS.full });
    t.ingest.failWith = busy();
    try {
      expect(await rejection(client.submit(fullDeclaration({ id: '26341300IM100004' })))).toMatchObject({ code: 'HUB_ERR_BUSY', faultCode: 'Server.Busy', retryable: true });
    } finally {
      t.ingest.failWith = undefined;
    }
  });
});
