import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutcomesSoapClient, OutcomesSoapError, OUTCOMES_TNS, type OutcomesSoapClient } from '@tareks/adapters';
import { DEMO_API_KEY } from '@tareks/hub';
import type { Decision, InspectionOutcome } from '@tareks/schemas';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { submitAndDecide } from '../src/support/decisions.js';
import { startTestHub, type TestHub } from '../src/support/running-hub.js';

// Debian's python3-zeep (installed by the setup script) lives beside Debian's interpreter.
const PYTHON = '/usr/bin/python3';
const ZEEP = `
import json, sys, requests
from zeep import Client
from zeep.transports import Transport
from zeep.helpers import serialize_object
req = json.load(sys.stdin)
session = requests.Session()
session.headers["X-API-Key"] = req["apiKey"]
client = Client(req["url"] + "?wsdl", transport=Transport(session=session))
service = client.bind("OutcomesService", "OutcomesSoap11Port")
o = req["outcome"]
o["findings"] = {"finding": o["findings"]}
print(json.dumps(serialize_object(service.RecordOutcome(outcome=o), dict), default=str))
`;

let hub: TestHub;
let labKey: string;
let soap: OutcomesSoapClient;
let soapUrl: string;

beforeAll(async () => {
  hub = await startTestHub({ TAREKS_ROLES: 'api,orchestrator,projector,score-worker,learning' }, { enrichmentSteps: [] });
  labKey = await hub.apiKeys.create('lab-soap', ['outcomes:write']);
  soapUrl = `${hub.url}/soap/outcomes`;
  soap = await createOutcomesSoapClient({ url: soapUrl, apiKey: labKey });
});
afterAll(async () => {
  await hub?.dispose();
});

const decided = (): Promise<Decision> => submitAndDecide(hub.url!, sampleDeclaration(), 20_000);

const outcomeOf = (d: Decision, itemNo: number, result: InspectionOutcome['result'] = 'NON_COMPLIANT'): InspectionOutcome => ({
  declarationId: d.declarationId,
  version: d.version,
  itemNo,
  inspector: 'Zeynep Arslan',
  result,
  findings: [{ code: 'CE_MISSING', text: 'CE işareti yok' }, { code: 'LABEL_TR', text: 'Türkçe etiket eksik' }],
  inspectedAt: new Date().toISOString(),
});

async function outcomeMessages(): Promise<number> {
  return (await hub.nats.jsm.streams.info(hub.names.streams.outcomes)).state.messages;
}

const rawEnvelope = (inner: string, security = ''): string => `<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:o="${OUTCOMES_TNS}"
    xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
  <env:Header>${security}</env:Header>
  <env:Body>
    <o:RecordOutcome>
      <o:outcome>${inner}</o:outcome>
    </o:RecordOutcome>
  </env:Body>
</env:Envelope>`;

const token = (user: string, key: string): string =>
  `<wsse:Security><wsse:UsernameToken><wsse:Username>${user}</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">${key}</wsse:Password></wsse:UsernameToken></wsse:Security>`;

describe('RecordOutcome over SOAP through the running hub', () => {
  it('serves a WSDL and XSD generated from the contracts', async () => {
    const wsdl = await (await fetch(`${soapUrl}?wsdl`)).text();
    expect(wsdl).toContain(`schemaLocation="${soapUrl}?xsd=outcomes.xsd"`);
    expect(wsdl).toContain(`<soap12:address location="${soapUrl}"/>`);
    const xsd = await (await fetch(`${soapUrl}?xsd=outcomes.xsd`)).text();
    expect(xsd).toContain(`targetNamespace="${OUTCOMES_TNS}"`);
    expect(xsd).toContain('<xs:element name="RecordOutcome">');
    expect(xsd).toContain('<xs:enumeration value="NON_COMPLIANT"/>');
  });

  it('records with the soap client; the same outcome again over REST is a duplicate, recorded once', async () => {
    const d = await decided();
    const before = await outcomeMessages();
    const outcome = outcomeOf(d, 1);
    expect(await soap.record(outcome)).toEqual({ declarationId: d.declarationId, version: d.version, itemNo: 1, duplicate: false });
    const rest = await fetch(`${hub.url}/v1/outcomes`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': labKey }, body: JSON.stringify(outcome) });
    expect(rest.status).toBe(200);
    expect(((await rest.json()) as { duplicate: boolean }).duplicate).toBe(true);
    await expect.poll(async () => (await hub.nats.jsm.streams.info(hub.names.streams.outcomes)).state.messages).toBe(before + 1);
  });

  it('an outcome recorded over REST first is a duplicate over SOAP; a contradicting one is a coded conflict', async () => {
    const d = await decided();
    const before = await outcomeMessages();
    const outcome = outcomeOf(d, 2, 'COMPLIANT');
    const rest = await fetch(`${hub.url}/v1/outcomes`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': labKey }, body: JSON.stringify(outcome) });
    expect(rest.status).toBe(202);
    expect(await soap.record(outcome)).toMatchObject({ itemNo: 2, duplicate: true });
    // A contradiction is found against the first result in the outcomes KV, which the projector writes shortly after.
    const contradict = (): Promise<unknown> => soap.record({ ...outcome, result: 'NON_COMPLIANT' }).catch((e: unknown) => e);
    await expect.poll(async () => ((await contradict()) as { code?: string }).code, { timeout: 15_000 }).toBe('HUB_ERR_OUTCOME_CONFLICT');
    expect(await contradict()).toBeInstanceOf(OutcomesSoapError);
    expect(await contradict()).toMatchObject({ faultCode: 'Client' });
    expect(await outcomeMessages()).toBe(before + 1);
  });

  it('answers a bad outcome with a counted fault carrying our code and the element path', async () => {
    const d = await decided();
    const rejected = hub.metrics.rejectedTotal;
    const bad = { ...outcomeOf(d, 1), inspectedAt: 'yesterday' };
    const err = await soap.record(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutcomesSoapError);
    expect((err as OutcomesSoapError).faultCode).toBe('Client');
    expect((err as OutcomesSoapError).details.map((x) => x.pointer)).toEqual(['RecordOutcome/outcome/inspectedAt']);
    // The same outcome over REST fails with the same code.
    const rest = await fetch(`${hub.url}/v1/outcomes`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': labKey }, body: JSON.stringify(bad) });
    expect(rest.status).toBe(400);
    expect(((await rest.json()) as { error: { code: string } }).error.code).toBe((err as OutcomesSoapError).code);

    const unknown = await soap.record({ ...outcomeOf(d, 1), itemNo: 99 }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'HUB_ERR_OUTCOME_UNKNOWN_ITEM', faultCode: 'Client' });
    expect(hub.metrics.rejectedTotal).toBe(rejected + 3);
  });

  it('takes a hand-written SOAP 1.2 envelope with a UsernameToken; refuses a key without the scope', async () => {
    const d = await decided();
    const inner = `
        <o:declarationId>${d.declarationId}</o:declarationId><o:version>${d.version}</o:version><o:itemNo>2</o:itemNo>
        <o:inspector>Ali Demir</o:inspector><o:result>COMPLIANT</o:result>
        <o:findings/>
        <o:inspectedAt>2026-03-01T09:30:00Z</o:inspectedAt>`;
    const post = (body: string): Promise<Response> => fetch(soapUrl, { method: 'POST', headers: { 'content-type': 'application/soap+xml; charset=utf-8' }, body });
    const ok = await post(rawEnvelope(inner, token('lab-soap', labKey)));
    expect(ok.status).toBe(200);
    const text = await ok.text();
    expect(text).toContain(`xmlns:tns="${OUTCOMES_TNS}"`);
    expect(text).toContain('<tns:RecordOutcomeResponse><tns:receipt>');
    expect(text).toContain('<tns:duplicate>false</tns:duplicate>');

    const wrongResult = await post(rawEnvelope(inner.replace('COMPLIANT', 'MAYBE'), token('lab-soap', labKey)));
    expect(wrongResult.status).toBe(400);
    const fault = await wrongResult.text();
    expect(fault).toMatch(/<soap:Subcode><soap:Value>tns:HUB_ERR_[A-Z_]+<\/soap:Value>/);
    expect(fault).toContain('<tns:pointer>RecordOutcome/outcome/result</tns:pointer>');

    const customsOnly = await post(rawEnvelope(inner, token('demo-customs', DEMO_API_KEY)));
    expect(customsOnly.status).toBe(400);
    expect(await customsOnly.text()).toContain('tns:HUB_ERR_SCOPE_DENIED');
  });

  it('what goes over the wire validates against the served XSD (libxml2)', async () => {
    const d = await decided();
    const request = `<o:RecordOutcome xmlns:o="${OUTCOMES_TNS}"><o:outcome><o:declarationId>${d.declarationId}</o:declarationId><o:version>${d.version}</o:version>` +
      '<o:itemNo>1</o:itemNo><o:inspector>Ali Demir</o:inspector><o:result>COMPLIANT</o:result>' +
      '<o:findings><o:finding><o:code>OK</o:code><o:text>uygun</o:text></o:finding></o:findings><o:inspectedAt>2026-03-01T09:30:00Z</o:inspectedAt></o:outcome></o:RecordOutcome>';
    const call = async (operation: string): Promise<string> => {
      const res = await fetch(soapUrl, {
        method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', 'x-api-key': labKey },
        body: `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${operation}</soap:Body></soap:Envelope>`,
      });
      return res.text();
    };
    const element = (xml: string, name: string): string =>
      xml.match(new RegExp(`<tns:${name}>.*</tns:${name}>`, 's'))![0].replace(`<tns:${name}>`, `<tns:${name} xmlns:tns="${OUTCOMES_TNS}">`);
    const documents = [request, element(await call(request), 'RecordOutcomeResponse'), element(await call(request.replace('<o:itemNo>1<', '<o:itemNo>77<')), 'HubFault')];
    const dir = mkdtempSync(join(tmpdir(), 'outcomes-xsd-'));
    try {
      const xsd = join(dir, 'outcomes.xsd');
      writeFileSync(xsd, await (await fetch(`${soapUrl}?xsd=outcomes.xsd`)).text());
      const validate = promisify(execFile)(PYTHON, [fileURLToPath(new URL('../../adapters/test/soap/xsd_validate.py', import.meta.url))], { timeout: 30_000 });
      validate.child.stdin!.end(JSON.stringify({ xsd, documents }));
      expect(JSON.parse((await validate).stdout)).toEqual(documents.map(() => []));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Python zeep records an outcome from the served WSDL', async () => {
    const d = await decided();
    const child = promisify(execFile)(PYTHON, ['-c', ZEEP], { timeout: 30_000 });
    child.child.stdin!.end(JSON.stringify({ url: soapUrl, apiKey: labKey, outcome: outcomeOf(d, 1, 'COMPLIANT') }));
    const out = JSON.parse((await child).stdout) as Record<string, unknown>;
    // zeep unwraps a response with a single child: RecordOutcomeResponse/receipt comes back as the receipt itself.
    expect(out).toMatchObject({ declarationId: d.declarationId, itemNo: 1, duplicate: false });
  });
});
