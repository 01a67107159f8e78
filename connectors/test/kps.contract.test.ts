import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpsConnector } from '../src/kps/kps.registration.js';
import { KPS_ACTION } from '../src/kps/kps.simulator.js';
import type { SimulatorHandle } from '../src/simulator/sim-server.js';
import { ADMIN_PATH } from '../src/simulator/sim-server.js';
import { population } from './samples.js';

const person = population.persons.find((p) => p.firstName.includes('i'))!;

const soap11 = (tckn: string, ad: string, soyad: string, yil: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>` +
  `<TCKimlikNoDogrula xmlns="http://tckimlik.nvi.gov.tr/WS"><TCKimlikNo>${tckn}</TCKimlikNo><Ad>${ad}</Ad><Soyad>${soyad}</Soyad><DogumYili>${yil}</DogumYili></TCKimlikNoDogrula>` +
  `</soap:Body></soap:Envelope>`;
const soap12 = (tckn: string, ad: string, soyad: string, yil: string): string =>
  soap11(tckn, ad, soyad, yil).replace('http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope');

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await kpsConnector.startSimulator({ population });
});
afterAll(() => sim.close());

const post11 = (body: string, action = `"${KPS_ACTION}"`) =>
  fetch(sim.url, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: action }, body });
const post12 = (body: string) =>
  fetch(sim.url, { method: 'POST', headers: { 'content-type': `application/soap+xml; charset=utf-8; action="${KPS_ACTION}"` }, body });
const upper = (s: string) => s.toLocaleUpperCase('tr-TR');

describe('KPSPublic contract over HTTP (simulator)', () => {
  it('serves its WSDL at ?wsdl with both bindings, located at the endpoint', async () => {
    const wsdl = await (await fetch(`${sim.url}?wsdl`)).text();
    expect(wsdl).toContain('targetNamespace="http://tckimlik.nvi.gov.tr/WS"');
    expect(wsdl).toContain('soapAction="http://tckimlik.nvi.gov.tr/WS/TCKimlikNoDogrula"');
    expect(wsdl).toContain('name="KPSPublicSoap12"');
    expect(wsdl).toContain(`location="${sim.url}"`);
  });

  it('answers a raw SOAP 1.1 envelope: true for a matching person, false otherwise', async () => {
    const ok = await post11(soap11(person.tckn, upper(person.firstName), upper(person.lastName), String(person.birthYear)));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/xml');
    expect(await ok.text()).toContain('<TCKimlikNoDogrulaResult>true</TCKimlikNoDogrulaResult>');
    const wrongYear = await post11(soap11(person.tckn, upper(person.firstName), upper(person.lastName), String(person.birthYear + 1)));
    expect(await wrongYear.text()).toContain('<TCKimlikNoDogrulaResult>false</TCKimlikNoDogrulaResult>');
  });

  it('answers a raw SOAP 1.2 envelope in a SOAP 1.2 envelope', async () => {
    const res = await post12(soap12(person.tckn, upper(person.firstName), upper(person.lastName), String(person.birthYear)));
    expect(res.headers.get('content-type')).toContain('application/soap+xml');
    const text = await res.text();
    expect(text).toContain('http://www.w3.org/2003/05/soap-envelope');
    expect(text).toContain('<TCKimlikNoDogrulaResult>true</TCKimlikNoDogrulaResult>');
  });

  it('matches names upper-cased with Turkish rules only: ASCII upper-casing of "i" does not match', async () => {
    const ascii = await post11(soap11(person.tckn, person.firstName.toUpperCase(), upper(person.lastName), String(person.birthYear)));
    expect(await ascii.text()).toContain('<TCKimlikNoDogrulaResult>false</TCKimlikNoDogrulaResult>');
  });

  it('answers Client / Sender faults for a non-numeric TCKimlikNo, a wrong SOAPAction and a DTD', async () => {
    const bad = await post11(soap11('12AB', 'A', 'B', '1980'));
    expect(bad.status).toBe(500);
    expect(await bad.text()).toMatch(/<faultcode>soap:Client<\/faultcode>.*xsd:long/);
    const wrongAction = await post11(soap11(person.tckn, 'A', 'B', '1980'), '"http://tckimlik.nvi.gov.tr/WS/Other"');
    expect(await wrongAction.text()).toContain('soap:Client');
    const dtd = await post11(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]>${soap11(person.tckn, '&e;', 'B', '1980').replace(/^<\?xml[^>]*>/, '')}`);
    expect(await dtd.text()).toContain('DTDs and entities are not accepted');
    const bad12 = await post12(soap12('x', 'A', 'B', '1980'));
    expect(bad12.status).toBe(400);
    expect(await bad12.text()).toContain('<soap:Value>soap:Sender</soap:Value>');
  });

  it('the production client upper-cases names with Turkish rules on both bindings', async () => {
    for (const soapVersion of ['1.1', '1.2']) {
      const client = await kpsConnector.openClient({ ...kpsConnector.readConfig({}), url: sim.url, soapVersion });
      const signal = new AbortController().signal;
      const lower = { tckn: person.tckn, firstName: person.firstName.toLocaleLowerCase('tr-TR'), lastName: ` ${person.lastName.toLocaleLowerCase('tr-TR')} `, birthYear: person.birthYear };
      expect(await client.call(lower, signal)).toEqual({ tckn: person.tckn, verified: true });
    }
  });

  it('the client maps a SOAP Fault to a typed, retryable server fault; the admin endpoint sets the knobs', async () => {
    const put = await fetch(new URL(ADMIN_PATH, sim.url), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ errorRate: 1 }) });
    expect(await put.json()).toMatchObject({ errorRate: 1, outage: false });
    try {
      const client = await kpsConnector.openClient({ ...kpsConnector.readConfig({}), url: sim.url });
      await expect(client.call({ tckn: person.tckn, firstName: 'A', lastName: 'B', birthYear: 1980 }, new AbortController().signal)).rejects.toMatchObject({
        code: 'KPS_ERR_SERVER_FAULT',
        retryable: true,
      });
    } finally {
      await fetch(new URL(ADMIN_PATH, sim.url), { method: 'DELETE' });
    }
    expect(sim.faults.get().errorRate).toBe(0);
  });
});
