import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { soapRoutes } from '../../src/soap/soap.routes.js';
import { parseXml, type XmlElement } from '../../src/soap/safe-xml.parser.js';
import { busy, fullDeclaration, InMemoryIngest, KEYS, RecordingMetrics, verifier } from './soap.fixtures.js';
import { buildSoapApp, envelope11, envelope12, RAW_DECLARATION, submitBody, usernameToken, type SoapTestApp } from './soap.raw.js';

const URL = '/soap/declarations';
const XML = { 'content-type': 'text/xml; charset=utf-8' };

let t: SoapTestApp;
beforeEach(async () => {
  t = await buildSoapApp(64 * 1024);
});
afterEach(async () => {
  await t.app.close();
});

const post = (payload: string, headers: Record<string, string> = { ...XML, 'x-api-key': KEYS.full }) =>
  t.app.inject({ method: 'POST', url: URL, headers, payload });

/** Depth-first search by local name. */
function find(el: XmlElement, local: string): XmlElement | undefined {
  if (el.local === local) return el;
  for (const c of el.children) {
    const hit = find(c, local);
    if (hit) return hit;
  }
  return undefined;
}
const textOf = (xml: string, local: string): string | undefined => {
  const el = find(parseXml(xml), local);
  return el && el.text;
};
const hubFaultCode = (xml: string): string | undefined => {
  const fault = find(parseXml(xml), 'HubFault');
  return fault && find(fault, 'code')?.text;
};

describe('SOAP endpoint: calls', () => {
  it('accepts a hand-written SOAP 1.1 envelope and answers with the receipt', async () => {
    const res = await post(envelope11(submitBody()));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(textOf(res.body, 'status')).toBe('RECEIVED');
    expect(textOf(res.body, 'duplicate')).toBe('false');
    expect(t.ingest.calls).toEqual([{ declaration: fullDeclaration(), ctx: { clientId: 'gtb-customs', protocol: 'SOAP' }, waitMs: undefined }]);
    expect(t.metrics.rejections).toEqual([]);
  });

  it('returns the same receipt, marked duplicate, for the same id + version', async () => {
    const first = await post(envelope11(submitBody()));
    const second = await post(envelope11(submitBody()));
    expect(textOf(second.body, 'receivedAt')).toBe(textOf(first.body, 'receivedAt'));
    expect(textOf(second.body, 'duplicate')).toBe('true');
  });

  it('returns the decision with the receipt when it is ready within waitMs, capped by maxWaitMs', async () => {
    const res = await post(envelope11(submitBody(RAW_DECLARATION, '<d:waitMs>60000</d:waitMs>')));
    expect(res.statusCode).toBe(200);
    expect(t.ingest.calls[0]!.waitMs).toBe(5_000);
    const decision = find(parseXml(res.body), 'decision')!;
    expect(find(decision, 'lane')!.text).toBe('YELLOW');
    expect(find(decision, 'reasons')!.children.map((r) => find(r, 'tr')!.text)).toEqual(['Menşe ülke riski']);
  });

  it('answers GetDecision with the state, and HUB_ERR_NOT_FOUND for an unknown id or a newer version', async () => {
    await post(envelope11(submitBody(RAW_DECLARATION, '<d:waitMs>100</d:waitMs>')));
    const get = (body: string) => post(envelope11(`<d:GetDecision xmlns:d="urn:tareks:hub:declarations:v1">${body}</d:GetDecision>`));
    const found = await get('<d:id>26341300IM000123</d:id>');
    expect(found.statusCode).toBe(200);
    expect(textOf(found.body, 'status')).toBe('DECIDED');
    expect(textOf(found.body, 'modelVersion')).toBe('rules-abc123');
    for (const body of ['<d:id>26341300IM999999</d:id>', '<d:id>26341300IM000123</d:id><d:version>3</d:version>']) {
      const missing = await get(body);
      expect(missing.statusCode).toBe(500);
      expect(hubFaultCode(missing.body)).toBe('HUB_ERR_NOT_FOUND');
    }
    expect(t.metrics.rejections).toEqual([{ protocol: 'SOAP', code: 'HUB_ERR_NOT_FOUND' }, { protocol: 'SOAP', code: 'HUB_ERR_NOT_FOUND' }]);
  });

  it('speaks SOAP 1.2 too: same envelope version and content type back, Sender fault with HTTP 400', async () => {
    const headers = { 'content-type': 'application/soap+xml; charset=utf-8; action="urn:tareks:hub:declarations:v1#SubmitDeclaration"', 'x-api-key': KEYS.full };
    const ok = await post(envelope12(submitBody()), headers);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^application\/soap\+xml/);
    expect(ok.body).toContain('http://www.w3.org/2003/05/soap-envelope');
    const bad = await post(envelope12(submitBody(RAW_DECLARATION.replace('IMPORT', 'SMUGGLE'))), headers);
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body, 'Value')).toBe('soap:Sender');
    expect(hubFaultCode(bad.body)).toBe('HUB_ERR_VALUE_NOT_ALLOWED');
  });

  it('authenticates with a WS-Security UsernameToken (PasswordText)', async () => {
    const res = await post(envelope11(submitBody(), usernameToken('gtb-customs', KEYS.full)), XML);
    expect(res.statusCode).toBe(200);
    expect(t.ingest.calls[0]!.ctx.clientId).toBe('gtb-customs');
  });

  it('maps a busy pipeline (IngestError 503) to a Server.Busy fault with Retry-After', async () => {
    t.ingest.failWith = busy();
    const res = await post(envelope11(submitBody()));
    expect(res.statusCode).toBe(500);
    expect(res.headers['retry-after']).toBe('2');
    expect(textOf(res.body, 'faultcode')).toBe('soap:Server.Busy');
    expect(hubFaultCode(res.body)).toBe('HUB_ERR_BUSY');
    expect(t.metrics.rejections).toEqual([{ protocol: 'SOAP', code: 'HUB_ERR_BUSY' }]);
  });

  it('keeps its XML-only parsing and fault handler to itself: sibling JSON routes are untouched', async () => {
    const app = Fastify({ logger: false });
    try {
      await app.register(soapRoutes, { prefix: URL, ingest: new InMemoryIngest(), verifier: verifier(), metrics: new RecordingMetrics(), maxWaitMs: 0 });
      app.post('/api/echo', async (request) => request.body);
      const res = await app.inject({ method: 'POST', url: '/api/echo', payload: { a: 1 } });
      expect(res.json()).toEqual({ a: 1 });
    } finally {
      await app.close();
    }
  });

  it('serves the WSDL and the XSD without a key, with addresses built from the request host', async () => {
    const wsdl = await t.app.inject({ method: 'GET', url: `${URL}?wsdl`, headers: { host: 'hub.example:8443' } });
    expect(wsdl.statusCode).toBe(200);
    expect(wsdl.body).toContain('<soap:address location="http://hub.example:8443/soap/declarations"/>');
    expect(wsdl.body).toContain('schemaLocation="http://hub.example:8443/soap/declarations?xsd=declarations.xsd"');
    const xsd = await t.app.inject({ method: 'GET', url: `${URL}?xsd=declarations.xsd` });
    expect(xsd.statusCode).toBe(200);
    expect(xsd.body).toContain('<xs:element name="SubmitDeclaration">');
    const other = await t.app.inject({ method: 'GET', url: `${URL}?xsd=../../package.json` });
    expect(other.statusCode).toBe(404);
  });
});

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><x>&lol9;</x></soapenv:Body></soapenv:Envelope>`;
const XXE = `<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
${envelope11(submitBody(RAW_DECLARATION.replace('Minik', '&xxe;')))}`;

describe('SOAP endpoint: every bad input is a counted fault with a precise code', () => {
  const wrongKey = { ...XML, 'x-api-key': 'nope' };
  const noKey = XML;
  const readOnly = { ...XML, 'x-api-key': KEYS.readOnly };
  const writeOnly = { ...XML, 'x-api-key': KEYS.writeOnly };
  const getDecision = envelope11('<d:GetDecision xmlns:d="urn:tareks:hub:declarations:v1"><d:id>26341300IM000123</d:id></d:GetDecision>');
  it.each([
    ['malformed XML', envelope11(submitBody()).replace('</d:trader>', ''), undefined, 'HUB_ERR_MALFORMED_XML', 'soap:Client'],
    ['empty body', '', undefined, 'HUB_ERR_MALFORMED_XML', 'soap:Client'],
    ['not an envelope', submitBody(), undefined, 'HUB_ERR_MALFORMED_XML', 'soap:Client'],
    ['unknown envelope version', envelope11(submitBody()).replaceAll('http://schemas.xmlsoap.org/soap/envelope/', 'urn:soap:2'), undefined, 'HUB_ERR_MALFORMED_XML', 'soap:VersionMismatch'],
    ['unknown operation', envelope11('<d:Delete xmlns:d="urn:tareks:hub:declarations:v1"/>'), undefined, 'HUB_ERR_FIELD_UNKNOWN', 'soap:Client'],
    ['inherited name as operation', envelope11('<d:constructor xmlns:d="urn:tareks:hub:declarations:v1"/>'), undefined, 'HUB_ERR_FIELD_UNKNOWN', 'soap:Client'],
    ['header not understood', envelope11(submitBody(), '<h:Trace soapenv:mustUnderstand="1" xmlns:h="urn:x"/>'), undefined, 'HUB_ERR_FIELD_UNKNOWN', 'soap:MustUnderstand'],
    ['billion laughs', BILLION_LAUGHS, undefined, 'HUB_ERR_XML_DTD_REFUSED', 'soap:Client'],
    ['XXE file:///etc/passwd', XXE, undefined, 'HUB_ERR_XML_DTD_REFUSED', 'soap:Client'],
    ['undeclared entity', envelope11(submitBody(RAW_DECLARATION.replace('Minik', '&xxe;'))), undefined, 'HUB_ERR_MALFORMED_XML', 'soap:Client'],
    ['oversized body', envelope11(submitBody(RAW_DECLARATION, `<!--${'x'.repeat(70 * 1024)}-->`)), undefined, 'HUB_ERR_BODY_TOO_LARGE', 'soap:Client'],
    ['JSON instead of XML', JSON.stringify({ declaration: fullDeclaration() }), { 'content-type': 'application/json', 'x-api-key': KEYS.full }, 'HUB_ERR_UNSUPPORTED_MEDIA_TYPE', 'soap:Client'],
    ['wrong type', envelope11(submitBody(RAW_DECLARATION.replace('<d:quantity>1200.50</d:quantity>', '<d:quantity>abc</d:quantity>'))), undefined, 'HUB_ERR_TYPE_MISMATCH', 'soap:Client'],
    ['invalid TCKN', envelope11(submitBody(RAW_DECLARATION.replace('17291716060', '17291716061'))), undefined, 'HUB_ERR_TCKN_INVALID', 'soap:Client'],
    ['invalid VKN', envelope11(submitBody(RAW_DECLARATION.replace('4540536920', '4540536921'))), undefined, 'HUB_ERR_TAX_ID_INVALID', 'soap:Client'],
    ['invalid GTİP', envelope11(submitBody(RAW_DECLARATION.replace('950300700000', '000300700000'))), undefined, 'HUB_ERR_GTIP_INVALID', 'soap:Client'],
    ['unknown element', envelope11(submitBody(RAW_DECLARATION.replace('<d:kind>', '<d:priority>HIGH</d:priority><d:kind>'))), undefined, 'HUB_ERR_FIELD_UNKNOWN', 'soap:Client'],
    ['missing API key', envelope11(submitBody()), noKey, 'HUB_ERR_API_KEY_MISSING', 'soap:Client'],
    ['wrong API key', envelope11(submitBody()), wrongKey, 'HUB_ERR_API_KEY_INVALID', 'soap:Client'],
    ['UsernameToken of another client', envelope11(submitBody(), usernameToken('gtb-reader', KEYS.full)), noKey, 'HUB_ERR_API_KEY_INVALID', 'soap:Client'],
    ['UsernameToken with PasswordDigest', envelope11(submitBody(), usernameToken('gtb-customs', 'x', '#PasswordDigest')), noKey, 'HUB_ERR_API_KEY_INVALID', 'soap:Client'],
    ['submit without write scope', envelope11(submitBody()), readOnly, 'HUB_ERR_SCOPE_DENIED', 'soap:Client'],
    ['GetDecision without read scope', getDecision, writeOnly, 'HUB_ERR_SCOPE_DENIED', 'soap:Client'],
  ])('%s', async (_name, payload, headers, code, faultcode) => {
    const res = await post(payload, headers);
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(textOf(res.body, 'faultcode')).toBe(faultcode);
    expect(hubFaultCode(res.body)).toBe(code);
    expect(res.body).not.toContain('root:');
    expect(res.body).not.toContain('lollol');
    expect(t.metrics.rejections).toEqual([{ protocol: 'SOAP', code }]);
    expect(t.ingest.calls).toEqual([]);
  });

  it('puts the element path of each problem in the fault detail', async () => {
    const res = await post(envelope11(submitBody(RAW_DECLARATION.replace('640299980000', '6402'))));
    const detail = find(parseXml(res.body), 'details')!.children[0]!;
    expect(find(detail, 'code')!.text).toBe('HUB_ERR_GTIP_INVALID');
    expect(find(detail, 'pointer')!.text).toBe('SubmitDeclaration/declaration/items/item[2]/gtip');
  });

  it('bad requests among concurrent valid ones do not disturb them', async () => {
    const valid = Array.from({ length: 40 }, (_, i) =>
      envelope11(submitBody(RAW_DECLARATION.replace('IM000123', `IM${String(i).padStart(6, '0')}`))),
    );
    const invalid = [BILLION_LAUGHS, XXE, '<x', envelope11(submitBody(RAW_DECLARATION.replace('17291716060', '1')))];
    const all = [...valid, ...invalid, ...valid.map((v) => v)].sort((a, b) => a.length - b.length);
    const results = await Promise.all(all.map((p) => post(p)));
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(80);
    expect(new Set(t.ingest.calls.map((c) => c.declaration.id)).size).toBe(40);
    expect(t.metrics.rejections.map((r) => r.code).sort()).toEqual(['HUB_ERR_MALFORMED_XML', 'HUB_ERR_TCKN_INVALID', 'HUB_ERR_XML_DTD_REFUSED', 'HUB_ERR_XML_DTD_REFUSED']);
  });
});
