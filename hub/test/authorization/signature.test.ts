import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, loadTrustStore, verifyDetachedJws, verifyEnvelopedXml, type TrustStore } from '../../src/authorization/index.js';
import { KeyUsageFlags, makeIntermediate, makePerson, makeRoot, type Issued } from './pki.js';
import { signJws, signXades, signXml } from './signing.js';

const TCKN = '17291716060';
const DAY = 86_400_000;
const request = { requestId: 'REQ-0001', applicant: { tckn: TCKN, firstName: 'Ayşe', lastName: 'Yılmaz', birthYear: 1980 }, trader: { taxId: '4540536920' }, role: 'COMPANY_OFFICER', validUntil: '2027-01-01' };
const xml = `<SubmitAuthorization xmlns="urn:tareks:authorization:v1"><RequestId>REQ-0001</RequestId><TCKN>${TCKN}</TCKN><Ad>Ayşe</Ad></SubmitAuthorization>`;

let trust: TrustStore;
let root: Issued;
let issuing: Issued;
let valid: Issued;
let expired: Issued;
let notYet: Issued;
let wrongUsage: Issued;
let stranger: Issued;
const now = new Date();

beforeAll(async () => {
  root = await makeRoot('Test Kök ESHS');
  issuing = await makeIntermediate(root, 'Test Nitelikli Sertifika');
  valid = await makePerson(issuing, TCKN);
  expired = await makePerson(issuing, TCKN, { notBefore: new Date(Date.now() - 800 * DAY), notAfter: new Date(Date.now() - DAY) });
  notYet = await makePerson(issuing, TCKN, { notBefore: new Date(Date.now() + 10 * DAY), notAfter: new Date(Date.now() + 700 * DAY) });
  wrongUsage = await makePerson(issuing, TCKN, { usage: KeyUsageFlags.keyEncipherment });
  stranger = await makePerson(await makeRoot('Untrusted Root'), TCKN);
  trust = loadTrustStore(root.pem);
}, 120_000);

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys, drops whitespace and serialises numbers like ECMAScript', () => {
    expect(canonicalJson({ b: [1, 1.5, 'ş'], a: { d: null, c: true }, e: 1e21 })).toBe('{"a":{"c":true,"d":null},"b":[1,1.5,"ş"],"e":1e+21}');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(RangeError);
  });
});

describe('detached JWS over canonical JSON', () => {
  it('accepts a valid signature through an intermediate, whatever the key order of the body', async () => {
    const jws = signJws(request, valid, [issuing]);
    const reordered = { validUntil: request.validUntil, role: request.role, trader: request.trader, applicant: request.applicant, requestId: request.requestId };
    const v = await verifyDetachedJws(reordered, jws, trust, now);
    expect(v).toMatchObject({ ok: true, signerTckn: TCKN, signedContent: canonicalJson(request) });
  });

  it.each([
    ['tampered body', () => ({ ...request, validUntil: '2030-01-01' }), () => signJws(request, valid, [issuing]), 'SIGNATURE_INVALID'],
    ['expired certificate', () => request, () => signJws(request, expired, [issuing]), 'CERT_EXPIRED'],
    ['certificate not yet valid', () => request, () => signJws(request, notYet, [issuing]), 'CERT_NOT_YET_VALID'],
    ['key usage does not allow signing', () => request, () => signJws(request, wrongUsage, [issuing]), 'CERT_KEY_USAGE'],
    ['untrusted root', () => request, () => signJws(request, stranger), 'CERT_UNTRUSTED'],
    ['chain without its intermediate', () => request, () => signJws(request, valid), 'CERT_UNTRUSTED'],
    ['no signature', () => request, () => '', 'SIGNATURE_MISSING'],
    ['alg none', () => request, () => `${Buffer.from('{"alg":"none","x5c":[]}').toString('base64url')}..x`, 'SIGNATURE_MALFORMED'],
  ])('refuses: %s', async (_n, body, jws, code) => {
    expect(await verifyDetachedJws(body(), jws(), trust, now)).toMatchObject({ ok: false, code });
  });

  it('reports the signer TCKN of a certificate issued to someone else (the decision refuses it)', async () => {
    const other = await makePerson(issuing, '10000000146');
    expect(await verifyDetachedJws(request, signJws(request, other, [issuing]), trust, now)).toMatchObject({ ok: true, signerTckn: '10000000146' });
  });
});

describe('enveloped XMLDSig', () => {
  it('accepts a valid enveloped signature and returns only the signed content', async () => {
    const v = await verifyEnvelopedXml(signXml(xml, valid, [issuing]), trust, now);
    expect(v).toMatchObject({ ok: true, signerTckn: TCKN });
    if (v.ok) {
      expect(v.signedContent).toContain('<RequestId>REQ-0001</RequestId>');
      expect(v.signedContent).not.toContain('Signature');
    }
  });

  it.each([
    ['tampered body', () => signXml(xml, valid, [issuing]).replace('<Ad>Ayşe</Ad>', '<Ad>Fatma</Ad>'), 'SIGNATURE_INVALID'],
    ['expired certificate', () => signXml(xml, expired, [issuing]), 'CERT_EXPIRED'],
    ['untrusted root', () => signXml(xml, stranger), 'CERT_UNTRUSTED'],
    ['unsigned', () => xml, 'SIGNATURE_MISSING'],
    ['DTD', () => `<!DOCTYPE x [<!ENTITY e "x">]>${signXml(xml, valid, [issuing])}`, 'SIGNATURE_MALFORMED'],
    ['second signature wrapped in', () => signXml(xml, valid, [issuing]).replace('</SubmitAuthorization>', `${signXml('<x/>', valid).replace('<x>', '').replace('</x>', '')}</SubmitAuthorization>`), 'SIGNATURE_MALFORMED'],
  ])('refuses: %s', async (_n, doc, code) => {
    expect(await verifyEnvelopedXml(doc(), trust, now)).toMatchObject({ ok: false, code });
  });
});

describe('XAdES-BES', () => {
  it('accepts signed properties that bind the signing certificate, and reports the claimed signing time', async () => {
    const signedXml = signXades(xml, valid, [issuing]);
    expect(signedXml).toContain('Type="http://uri.etsi.org/01903#SignedProperties"');
    const v = await verifyEnvelopedXml(signedXml, trust, now, { requireXades: true });
    expect(v).toMatchObject({ ok: true, format: 'XAdES-BES', signingTime: '2026-01-02T03:04:05Z', signerTckn: TCKN });
  });

  it('refuses signed properties naming another certificate, and plain XMLDSig when XAdES is required', async () => {
    const other = await makePerson(issuing, TCKN);
    expect(await verifyEnvelopedXml(signXades(xml, valid, [issuing], other), trust, now)).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID' });
    expect(await verifyEnvelopedXml(signXml(xml, valid, [issuing]), trust, now, { requireXades: true })).toMatchObject({ ok: false, code: 'SIGNATURE_MALFORMED' });
  });
});

describe('trust store', () => {
  it('refuses a store that holds a non-CA certificate or nothing', () => {
    expect(() => loadTrustStore(valid.pem)).toThrow(/not a CA/);
    expect(() => loadTrustStore('')).toThrow(/no certificate/);
  });
});
