import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { AUTHZ_TNS, JWS_SIGNATURE_HEADER, authorizationRoutes, authorizationSoapRoutes, type ApiKeyVerifier } from '@tareks/adapters';
import { wsdlDir, type AuthorizationRecord, type AuthorizationRequest, type Company, type Person } from '@tareks/schemas';
import { requestOf, startAuthorizationHarness, type AuthorizationHarness } from '../../hub/test/authorization/authorization.harness.js';
import { makePerson, makeRoot, type Issued } from '../../hub/test/authorization/pki.js';
import { signJws } from '../../hub/test/authorization/signing.js';
import { signedEnvelope, soapContentType, submitElement } from '../../hub/test/authorization/soap-signing.js';

const KEYS: Record<string, { clientId: string; scopes: ['declarations:write', 'declarations:read'] }> = {
  'relay-key-1': { clientId: 'relay-1', scopes: ['declarations:write', 'declarations:read'] },
  'relay-key-2': { clientId: 'relay-2', scopes: ['declarations:write', 'declarations:read'] },
};
const verifier: ApiKeyVerifier = { verify: async (key) => KEYS[key] ?? null };
const DAY_MS = 86_400_000;

let h: AuthorizationHarness;
let app: FastifyInstance;
let base: string;
let untrustedRoot: Issued;
const rejectedCodes: string[] = [];

beforeAll(async () => {
  h = await startAuthorizationHarness();
  app = Fastify();
  const metrics = { rejected: (_p: string, code: string) => void rejectedCodes.push(code) };
  await app.register(authorizationRoutes, { service: h.service, verifier, metrics });
  await app.register(authorizationSoapRoutes, { prefix: '/soap/authorizations', service: h.service, verifier, metrics });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  untrustedRoot = await makeRoot('Güvenilmeyen Kök');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await h?.dispose();
});

// ---- the two protocols, as a customs broker's software would call them ----

async function viaRest(request: AuthorizationRequest, jws: string, body: unknown = request, key = 'relay-key-1'): Promise<{ status: number; record: AuthorizationRecord; location: string | null }> {
  const res = await fetch(`${base}/v1/authorizations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key, ...(jws ? { [JWS_SIGNATURE_HEADER]: jws } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, record: (await res.json()) as AuthorizationRecord, location: res.headers.get('location') };
}

async function soapCall(envelope: string, version: '1.1' | '1.2' = '1.1', key = 'relay-key-1'): Promise<{ status: number; xml: string; doc: Document }> {
  const res = await fetch(`${base}/soap/authorizations`, { method: 'POST', headers: { 'content-type': soapContentType(version), 'x-api-key': key }, body: envelope });
  const xml = await res.text();
  return { status: res.status, xml, doc: new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document };
}

const texts = (doc: Document, local: string): string[] => Array.from(doc.getElementsByTagNameNS(AUTHZ_TNS, local), (e) => e.textContent ?? '');
const soapOutcome = (doc: Document) => ({ status: texts(doc, 'status')[0], codes: texts(doc, 'code'), duplicate: texts(doc, 'duplicate')[0] });

// ---- scenarios: who asks, for whom, signed how; expected decision and reason ----

interface Scenario {
  readonly name: string;
  readonly request: () => AuthorizationRequest;
  /** Signing certificate and chain; null: unsigned. Default: the applicant's own valid certificate. */
  readonly signer?: (r: AuthorizationRequest) => Promise<[Issued, Issued[]] | null>;
  /** Change the request after signing (what the hub then receives). */
  readonly tamper?: (r: AuthorizationRequest) => AuthorizationRequest;
  readonly status: AuthorizationRecord['result']['status'];
  readonly code: string;
}

const person = (tckn: string): Person => h.population.persons.find((p) => p.tckn === tckn)!;
const company = (status: Company['status']): Company => h.population.companies.find((c) => c.status === status && c.representatives[0]!.validUntil > '2028-01-01' && c.representatives[0]!.authority === 'SOLE')!;
const officer = (c: Company): Person => person(c.representatives[0]!.tckn);
const outsider = (c: Company): Person => h.population.persons.find((p) => !c.representatives.some((r) => r.tckn === p.tckn))!;

const SCENARIOS: Scenario[] = [
  { name: 'the sole representative of an active firm', request: () => requestOf(officer(company('ACTIVE')), { taxId: company('ACTIVE').vkn }), status: 'APPROVED', code: 'AUTHORISED_REPRESENTATIVE' },
  { name: 'a tradesman acting for himself (ESBİS)', request: () => { const t = h.population.tradesmen.find((x) => x.status === 'ACTIVE')!; return requestOf(person(t.tckn), { taxId: t.tckn }, 'CUSTOMS_REPRESENTATIVE'); }, status: 'APPROVED', code: 'TRADESMAN_HIMSELF' },
  { name: 'names that do not match KPS', request: () => { const p = officer(company('ACTIVE')); return requestOf({ ...p, birthYear: p.birthYear + 1 }, { taxId: company('ACTIVE').vkn }); }, status: 'REJECTED', code: 'IDENTITY_MISMATCH' },
  { name: 'a closed firm', request: () => requestOf(officer(company('CLOSED')), { mersisNo: company('CLOSED').mersisNo }), status: 'REJECTED', code: 'TRADER_CLOSED' },
  { name: 'a suspended firm', request: () => requestOf(officer(company('SUSPENDED')), { taxId: company('SUSPENDED').vkn }), status: 'REJECTED', code: 'TRADER_SUSPENDED' },
  { name: 'a person MERSİS does not list, as company officer', request: () => requestOf(outsider(company('ACTIVE')), { taxId: company('ACTIVE').vkn }), status: 'REJECTED', code: 'NOT_A_REPRESENTATIVE' },
  {
    name: 'a certificate that expired',
    request: () => requestOf(officer(company('ACTIVE')), { taxId: company('ACTIVE').vkn }),
    signer: async (r) => [await makePerson(h.issuing, r.applicant.tckn, { notBefore: new Date(Date.now() - 800 * DAY_MS), notAfter: new Date(Date.now() - DAY_MS) }), [h.issuing]],
    status: 'REJECTED',
    code: 'CERT_EXPIRED',
  },
  { name: 'a certificate from an untrusted issuer', request: () => requestOf(officer(company('ACTIVE')), { taxId: company('ACTIVE').vkn }), signer: async (r) => [await makePerson(untrustedRoot, r.applicant.tckn), []], status: 'REJECTED', code: 'CERT_UNTRUSTED' },
  { name: "a certificate carrying someone else's TCKN", request: () => requestOf(officer(company('ACTIVE')), { taxId: company('ACTIVE').vkn }), signer: async () => [await h.certificateFor(outsider(company('ACTIVE')).tckn), [h.issuing]], status: 'REJECTED', code: 'SIGNER_TCKN_MISMATCH' },
  { name: 'a body changed after signing', request: () => requestOf(officer(company('ACTIVE')), { taxId: company('ACTIVE').vkn }), tamper: (r) => ({ ...r, role: 'EMPLOYEE' }), status: 'REJECTED', code: 'SIGNATURE_INVALID' },
  { name: 'no signature', request: () => requestOf(officer(company('ACTIVE')), { taxId: company('ACTIVE').vkn }), signer: async () => null, status: 'REJECTED', code: 'SIGNATURE_MISSING' },
  { name: 'a firm in liquidation (liquidators may act: a person decides)', request: () => requestOf(officer(company('IN_LIQUIDATION')), { taxId: company('IN_LIQUIDATION').vkn }), status: 'MANUAL_REVIEW', code: 'TRADER_IN_LIQUIDATION' },
  { name: 'an employee MERSİS does not list', request: () => requestOf(outsider(company('ACTIVE')), { taxId: company('ACTIVE').vkn }, 'EMPLOYEE'), status: 'MANUAL_REVIEW', code: 'DELEGATION_NEEDS_REVIEW' },
];

const signerOf = async (s: Scenario, r: AuthorizationRequest): Promise<[Issued, Issued[]] | null> =>
  s.signer ? s.signer(r) : [await h.certificateFor(r.applicant.tckn), [h.issuing]];

describe('digital authorization over REST (detached JWS)', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const request = s.request();
    const signer = await signerOf(s, request);
    const jws = signer ? signJws(request, signer[0], signer[1]) : '';
    const { status, record } = await viaRest(request, jws, s.tamper ? s.tamper(request) : request);
    expect(status).toBe(201);
    expect(record.result.status).toBe(s.status);
    expect(record.result.reasons.map((r) => r.code)).toContain(s.code);
    expect(record.result.reasons.every((r) => r.text.tr.length > 0 && r.text.en.length > 0)).toBe(true);
  });

  it('reads the decision back by GET, only for the relaying client, and answers a resubmission with it', async () => {
    const c = company('ACTIVE');
    const request = requestOf(officer(c), { taxId: c.vkn });
    const jws = signJws(request, await h.certificateFor(request.applicant.tckn), [h.issuing]);
    const first = await viaRest(request, jws);
    expect(first.location).toBe(`/v1/authorizations/${request.requestId}`);
    const get = await fetch(`${base}${first.location}`, { headers: { 'x-api-key': 'relay-key-1' } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual(first.record);
    const other = await fetch(`${base}${first.location}`, { headers: { 'x-api-key': 'relay-key-2' } });
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: { code: 'HUB_ERR_NOT_FOUND' } });
    const again = await viaRest(request, jws);
    expect(again.status).toBe(200);
    expect(again.record).toEqual(first.record);
    const changed = { ...request, validUntil: new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10) };
    const conflict = await viaRest(changed, signJws(changed, await h.certificateFor(request.applicant.tckn), [h.issuing]));
    expect(conflict.status).toBe(409);
    expect(conflict.record).toMatchObject({ error: { code: 'HUB_ERR_AUTHZ_REQUEST_CONFLICT' } });
  });

  it('answers bad input with a coded 400 and a missing key with 401, deciding nothing', async () => {
    const c = company('ACTIVE');
    const request = requestOf(officer(c), { taxId: c.vkn });
    const bad = await viaRest(request, '', { ...request, applicant: { ...request.applicant, tckn: '12345678901' } });
    expect(bad.status).toBe(400);
    expect(bad.record).toMatchObject({ error: { code: 'HUB_ERR_TCKN_INVALID', details: [{ pointer: '/applicant/tckn' }] } });
    const res = await fetch(`${base}/v1/authorizations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
    expect(res.status).toBe(401);
    expect(await h.store.get(request.requestId)).toBeNull();
  });
});

describe('digital authorization over SOAP (enveloped XMLDSig / XAdES-BES)', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const request = s.request();
    const signer = await signerOf(s, request);
    const tamper = s.tamper ? (xml: string) => xml.replace(`<a:role>${request.role}</a:role>`, `<a:role>${s.tamper!(request).role}</a:role>`) : undefined;
    const { status, doc } = await soapCall(signedEnvelope(request, signer?.[0] ?? null, signer?.[1] ?? [], { tamper }));
    expect(status).toBe(200);
    const outcome = soapOutcome(doc);
    expect(outcome.status).toBe(s.status);
    expect(outcome.codes).toContain(s.code);
    expect((await h.store.get(request.requestId))?.value.record.signature.method).toBe('XMLDSIG');
  });

  it('accepts XAdES-BES over SOAP 1.2, reads it back with GetAuthorization, and answers a resubmission as a duplicate', async () => {
    const c = company('ACTIVE');
    const request = requestOf(officer(c), { mersisNo: c.mersisNo });
    const envelope = signedEnvelope(request, await h.certificateFor(request.applicant.tckn), [h.issuing], { version: '1.2', xades: true });
    const first = await soapCall(envelope, '1.2');
    expect(first.status).toBe(200);
    expect(soapOutcome(first.doc)).toMatchObject({ status: 'APPROVED', duplicate: 'false' });
    expect(soapOutcome((await soapCall(envelope, '1.2')).doc)).toMatchObject({ status: 'APPROVED', duplicate: 'true' });

    const get = (key: string) => soapCall(`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetAuthorization xmlns="${AUTHZ_TNS}"><requestId>${request.requestId}</requestId></GetAuthorization></soap:Body></soap:Envelope>`, '1.1', key);
    const found = await get('relay-key-1');
    expect(texts(found.doc, 'requestId')).toContain(request.requestId);
    expect(texts(found.doc, 'signerTckn')).toEqual([request.applicant.tckn]);
    const hidden = await get('relay-key-2');
    expect(hidden.status).toBe(500);
    expect(texts(hidden.doc, 'code')[0]).toBe('HUB_ERR_NOT_FOUND');
  });

  it('refuses a DTD and an unknown operation with coded faults', async () => {
    const dtd = await soapCall(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>`);
    expect(texts(dtd.doc, 'code')[0]).toBe('HUB_ERR_XML_DTD_REFUSED');
    const unknown = await soapCall(`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><x:Nope xmlns:x="${AUTHZ_TNS}"/></soap:Body></soap:Envelope>`);
    expect(texts(unknown.doc, 'code')[0]).toBe('HUB_ERR_FIELD_UNKNOWN');
    expect(rejectedCodes).toContain('HUB_ERR_XML_DTD_REFUSED');
  });

  it('serves its WSDL and XSD, and what it reads and writes is valid against the XSD (libxml2 as the judge)', async () => {
    const wsdl = await (await fetch(`${base}/soap/authorizations?wsdl`)).text();
    expect(wsdl).toContain(`location="${base}/soap/authorizations"`);
    expect(wsdl).toContain(`schemaLocation="${base}/soap/authorizations?xsd=authorizations.xsd"`);
    expect((await fetch(`${base}/soap/authorizations?xsd=authorizations.xsd`)).status).toBe(200);

    const c = company('ACTIVE');
    const request = requestOf(officer(c), { taxId: c.vkn, mersisNo: c.mersisNo });
    const signed = signedEnvelope(request, await h.certificateFor(request.applicant.tckn), [h.issuing], { xades: true });
    const response = await soapCall(signed);
    const get = await soapCall(`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetAuthorization xmlns="${AUTHZ_TNS}"><requestId>${request.requestId}</requestId></GetAuthorization></soap:Body></soap:Envelope>`);
    const fault = await soapCall(`<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetAuthorization xmlns="${AUTHZ_TNS}"><requestId>x</requestId></GetAuthorization></soap:Body></soap:Envelope>`);
    const bodyChild = (doc: Document): string => {
      const body = doc.getElementsByTagNameNS('http://schemas.xmlsoap.org/soap/envelope/', 'Body').item(0)!;
      const el = Array.from(body.childNodes).find((n) => n.nodeType === 1)!;
      return new XMLSerializer().serializeToString(el as never);
    };
    const hubFault = fault.doc.getElementsByTagNameNS(AUTHZ_TNS, 'HubFault').item(0)!;
    const documents = [
      bodyChild(new DOMParser().parseFromString(signed, 'text/xml') as unknown as Document),
      submitElement(request),
      bodyChild(response.doc),
      bodyChild(get.doc),
      new XMLSerializer().serializeToString(hubFault as never),
    ];
    const validate = promisify(execFile)('/usr/bin/python3', [fileURLToPath(new URL('../../adapters/test/soap/xsd_validate.py', import.meta.url))], { timeout: 30_000 });
    validate.child.stdin!.end(JSON.stringify({ xsd: join(wsdlDir, 'authorizations.xsd'), documents }));
    expect(JSON.parse((await validate).stdout)).toEqual(documents.map(() => []));
  });
});
