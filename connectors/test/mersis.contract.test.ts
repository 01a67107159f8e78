import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mersisConnector } from '../src/mersis/mersis.registration.js';
import { MERSIS_ACTION } from '../src/mersis/mersis.simulator.js';
import type { SimulatorHandle } from '../src/simulator/sim-server.js';
import { population } from './samples.js';

const company = population.companies.find((c) => c.representatives.length > 1) ?? population.companies[0]!;
const envelope = (inner: string): string =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="urn:tareks:mersis:ws:v1"><soap:Body><m:FirmaSorgula>${inner}</m:FirmaSorgula></soap:Body></soap:Envelope>`;

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await mersisConnector.startSimulator({ population });
});
afterAll(() => sim.close());

const post = (body: string) => fetch(sim.url, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${MERSIS_ACTION}"` }, body });

describe('MERSİS contract over HTTP (simulator)', () => {
  it('serves the WSDL kept in schemas/wsdl/mersis', async () => {
    const wsdl = await (await fetch(`${sim.url}?wsdl`)).text();
    expect(wsdl).toContain('targetNamespace="urn:tareks:mersis:ws:v1"');
    expect(wsdl).toContain('name="FirmaSorgula"');
  });

  it('answers a raw envelope by VKN and by MERSİS number with the company and its representatives', async () => {
    for (const inner of [`<m:VergiKimlikNo>${company.vkn}</m:VergiKimlikNo>`, `<m:MersisNo>${company.mersisNo}</m:MersisNo>`]) {
      const text = await (await post(envelope(inner))).text();
      expect(text).toContain('<Bulundu>true</Bulundu>');
      expect(text).toContain(`<Durum>${company.status}</Durum>`);
      expect(text.match(/<Yetkili>/g)).toHaveLength(company.representatives.length);
    }
    expect(await (await post(envelope('<m:VergiKimlikNo>1111111111</m:VergiKimlikNo>'))).text()).toContain('<Bulundu>false</Bulundu>');
  });

  it('answers a Client fault when neither or both keys are given', async () => {
    const res = await post(envelope(''));
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/soap:Client.*exactly one of VergiKimlikNo, MersisNo/);
  });

  it('the production client maps the reply back to the registry record', async () => {
    const client = await mersisConnector.openClient({ ...mersisConnector.readConfig({}), url: sim.url });
    const signal = new AbortController().signal;
    expect(await client.call({ mersisNo: company.mersisNo }, signal)).toEqual({ found: true, company });
    expect(await client.call({ vkn: '1111111111' }, signal)).toEqual({ found: false });
  });
});
