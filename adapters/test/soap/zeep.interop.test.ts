import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullDeclaration, KEYS } from './soap.fixtures.js';
import { buildSoapApp, type SoapTestApp } from './soap.raw.js';

// Debian's python3-zeep (installed by the setup script) lives beside Debian's interpreter, not a pyenv one on PATH.
const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./zeep_client.py', import.meta.url));

let t: SoapTestApp;
let url: string;
beforeAll(async () => {
  t = await buildSoapApp();
  url = `${await t.app.listen({ port: 0, host: '127.0.0.1' })}/soap/declarations`;
});
afterAll(async () => {
  await t.app.close();
});

async function zeep(request: object): Promise<Record<string, unknown>> {
  const child = promisify(execFile)(PYTHON, [SCRIPT], { timeout: 30_000 });
  child.child.stdin!.end(JSON.stringify({ url, ...request }));
  return JSON.parse((await child).stdout) as Record<string, unknown>;
}

describe('Python zeep consumes the WSDL', () => {
  it('submits over SOAP 1.1 with the X-API-Key header and reads the decision', async () => {
    const declaration = fullDeclaration({ id: '26341300IM200001' });
    const out = (await zeep({ apiKey: KEYS.full, port: 'DeclarationsSoap11Port', declaration, waitMs: 1000 })) as {
      submit: { receipt: { id: string; status: string; duplicate: boolean }; decision: { lane: string; items: { item: { score: number }[] } } };
      get: { id: string; status: string };
    };
    expect(t.ingest.calls.at(-1)!.declaration).toEqual(declaration);
    expect(out.submit.receipt).toMatchObject({ id: declaration.id, status: 'DECIDED', duplicate: false });
    expect(out.submit.decision.lane).toBe('YELLOW');
    expect(out.submit.decision.items.item.map((i) => i.score)).toEqual([0.4375, 0.4375]);
    // zeep unwraps a response with a single child: GetDecisionResponse/state comes back as the state itself.
    expect(out.get).toMatchObject({ id: declaration.id, status: 'DECIDED' });
  });

  it('submits over SOAP 1.2 with a WS-Security UsernameToken', async () => {
    const declaration = fullDeclaration({ id: '26341300IM200002' });
    const out = (await zeep({ apiKey: KEYS.full, clientId: 'gtb-customs', port: 'DeclarationsSoap12Port', declaration, waitMs: 0 })) as {
      submit: { receipt: { status: string } };
    };
    expect(out.submit.receipt.status).toBe('RECEIVED');
    expect(t.ingest.calls.at(-1)!.ctx.clientId).toBe('gtb-customs');
  });

  it('receives our fault with code and element path', async () => {
    const declaration = fullDeclaration({ id: '26341300IM200003' });
    declaration.items[1]!.gtip = '770299980000';
    const out = await zeep({ apiKey: KEYS.full, port: 'DeclarationsSoap11Port', declaration, waitMs: 0 });
    expect(out).toEqual({ fault: { faultcode: 'soap:Client', code: 'HUB_ERR_GTIP_INVALID', pointers: ['SubmitDeclaration/declaration/items/item[2]/gtip'] } });
  });
});
