import { DEMO_CLIENT_ID } from '@tareks/hub';
import { AUTH_ERROR_CODES as A, INPUT_ERROR_CODES as C, SERVICE_ERROR_CODES as S, type Declaration } from '@tareks/schemas';
import { CLIENT_IDS, utf8, type Expected, type HostileCase, type HostileRequest, type Keys } from './hostile-case.js';
import { hostileBase, hostileId, mutated, type Json, type Mutation } from './mutation.js';
import { staleVersion } from './rest.corpus.js';
import { envelope11, envelope12, getDecisionXml, elementPath, submitXml, usernameToken, PASSWORD_TEXT, SOAP11, SOAP12 } from './soap.builder.js';
import { dtdAttacks, malformedXml, xincludeAttacks } from './xml.attacks.js';

const PATH = '/soap/declarations';
const DRAFT_WSSE = 'http://schemas.xmlsoap.org/ws/2002/07/secext';
const VALID_ID = /^[0-9]{8}[A-Z]{2}[0-9A-Z]{6}$/;
export const SOAP11_TYPE = 'text/xml; charset=utf-8';
export const SOAP12_TYPE = 'application/soap+xml; charset=utf-8';

export type SoapVersion = '1.1' | '1.2';

const post = (body: HostileRequest['body'], headers: Record<string, string>): HostileRequest => ({ method: 'POST', path: PATH, headers, body });
const keyed = (k: Keys, version: SoapVersion = '1.1'): Record<string, string> => ({ 'content-type': version === '1.1' ? SOAP11_TYPE : SOAP12_TYPE, 'x-api-key': k.full });
const envelope = (version: SoapVersion, body: string, header = ''): string => (version === '1.1' ? envelope11(body, header) : envelope12(body, header));

/** A sender fault: SOAP 1.1 `Client` over HTTP 500 (WS-I R1126), SOAP 1.2 `Sender` over HTTP 400. */
export const clientFault = (code: string, pointer?: string, version: SoapVersion = '1.1'): Expected => ({
  status: version === '1.1' ? 500 : 400,
  code,
  faultCode: version === '1.1' ? 'Client' : 'Sender',
  ...(pointer !== undefined ? { pointer } : {}),
});

/** Declaration mutations over SOAP; every fourth goes as SOAP 1.2 so both fault styles are covered. */
export function soapMutationCase(m: Mutation, index: number): HostileCase {
  const version: SoapVersion = index % 4 === 3 ? '1.2' : '1.1';
  const body = mutated(m);
  const xml = envelope(version, submitXml(body));
  return {
    name: `SOAP ${version} ${m.name}`,
    protocol: 'SOAP',
    request: (k) => post(xml, keyed(k, version)),
    expected: clientFault(m.code, elementPath(m.pointer), version),
    probeId: typeof body.id === 'string' && VALID_ID.test(body.id) ? body.id : undefined,
  };
}

/** A case on the XML text of a valid declaration: `edit` breaks it in one place. */
const xmlCase = (name: string, edit: (xml: string) => string, expected: Expected, version: SoapVersion = '1.1'): HostileCase => {
  const d = hostileBase();
  const xml = edit(envelope(version, submitXml(d as unknown as Json)));
  return { name: `SOAP ${name}`, protocol: 'SOAP', request: (k) => post(xml, keyed(k, version)), expected, probeId: d.id };
};

/** Replaces the text of the first element `d:<local>`. */
const text = (local: string, value: string) => (xml: string): string => xml.replace(new RegExp(`<d:${local}>[^<]*</d:${local}>`), `<d:${local}>${value}</d:${local}>`);
const after = (open: string, inserted: string) => (xml: string): string => xml.replace(open, open + inserted);
const p = (pointer: string): string => elementPath(pointer);

function xmlTypes(): HostileCase[] {
  const t = (pointer: string) => clientFault(C.type, p(pointer));
  return [
    xmlCase('version "abc"', text('version', 'abc'), t('/version')),
    xmlCase('version "1.5"', text('version', '1.5'), t('/version')),
    xmlCase('version beyond a safe integer', text('version', '99999999999999999999'), t('/version')),
    xmlCase('birth year "1984.0"', text('birthYear', '1984.0'), t('/representative/birthYear')),
    xmlCase('quantity with a decimal comma', text('quantity', '1200,5'), t('/items/0/quantity')),
    xmlCase('quantity NaN', text('quantity', 'NaN'), t('/items/0/quantity')),
    xmlCase('quantity INF', text('quantity', 'INF'), t('/items/0/quantity')),
    xmlCase('net mass empty', text('netMassKg', ''), t('/items/0/netMassKg')),
    xmlCase('CE marking "yes"', text('ceMarked', 'yes'), t('/items/0/conformity/ceMarked')),
    xmlCase('CE marking "TRUE"', text('ceMarked', 'TRUE'), t('/items/0/conformity/ceMarked')),
    xmlCase('document size "48 KB"', text('size', '48 KB'), t('/documents/0/size')),
    xmlCase('element inside a scalar', text('gtip', '<d:code>950300700000</d:code>'), t('/items/0/gtip')),
    xmlCase('text inside an object', after('<d:trader>', 'Anadolu'), t('/trader')),
    xmlCase('text inside an array', after('<d:items>', 'iki kalem'), t('/items')),
    xmlCase('declaration as plain text', (x) => x.replace(/<d:declaration>.*<\/d:declaration>/, '<d:declaration>beyanname</d:declaration>'), clientFault(C.type, 'SubmitDeclaration/declaration')),
    xmlCase('waitMs "soon"', (x) => x.replace('</d:SubmitDeclaration>', '<d:waitMs>soon</d:waitMs></d:SubmitDeclaration>'), clientFault(C.type, 'SubmitDeclaration/waitMs')),
    xmlCase('waitMs negative', (x) => x.replace('</d:SubmitDeclaration>', '<d:waitMs>-1</d:waitMs></d:SubmitDeclaration>'), clientFault(C.range, 'SubmitDeclaration/waitMs')),
    xmlCase('waitMs over five minutes', (x) => x.replace('</d:SubmitDeclaration>', '<d:waitMs>300001</d:waitMs></d:SubmitDeclaration>'), clientFault(C.range, 'SubmitDeclaration/waitMs')),
  ];
}

function xmlStructure(): HostileCase[] {
  const u = (path: string) => clientFault(C.unknownField, path);
  return [
    xmlCase('element repeated', after('</d:kind>', '<d:kind>EXPORT</d:kind>'), u(p('/kind'))),
    xmlCase('wrong child in an array', after('<d:items>', '<d:entry>1</d:entry>'), u(`${p('/items')}/entry[1]`)),
    xmlCase('foreign attribute', (x) => x.replace('<d:kind>', '<d:kind priority="high">'), u(`${p('/kind')}/@priority`)),
    xmlCase('element in a foreign namespace', (x) => x.replace('<d:kind>IMPORT</d:kind>', '<x:kind xmlns:x="urn:other">IMPORT</x:kind>'), u(p('/kind'))),
    xmlCase('element without namespace', (x) => x.replace('<d:kind>IMPORT</d:kind>', '<kind>IMPORT</kind>'), u(p('/kind'))),
    xmlCase('element from the next contract version', (x) => x.replace('<d:kind>IMPORT</d:kind>', '<v2:kind xmlns:v2="urn:tareks:hub:declarations:v2">IMPORT</v2:kind>'), u(p('/kind'))),
    xmlCase('unknown element beside the declaration', (x) => x.replace('</d:SubmitDeclaration>', '<d:priority>HIGH</d:priority></d:SubmitDeclaration>'), u('SubmitDeclaration/priority')),
    xmlCase('inherited property name as element', after('<d:trader>', '<d:constructor>x</d:constructor>'), u(p('/trader/constructor'))),
    xmlCase(
      'required field nil',
      (x) => x.replace('<d:customsOffice>341300</d:customsOffice>', '<d:customsOffice xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'),
      clientFault(C.required, p('/customsOffice')),
    ),
    xmlCase('declaration missing', (x) => x.replace(/<d:declaration>.*<\/d:declaration>/, ''), clientFault(C.required, 'SubmitDeclaration/declaration')),
  ];
}

/** Envelope-level faults: structure, SOAP version, mustUnderstand, operation. */
function envelopes(): HostileCase[] {
  const m = clientFault(C.malformedXml);
  const body = (): string => submitXml(hostileBase() as unknown as Json);
  const c = (name: string, xml: () => string, expected: Expected, contentType = SOAP11_TYPE): HostileCase => ({
    name: `SOAP ${name}`,
    protocol: 'SOAP',
    request: (k) => post(xml(), { 'content-type': contentType, 'x-api-key': k.full }),
    expected,
  });
  // Only Sender faults are HTTP 400 in SOAP 1.2 (Part 2, table 20); VersionMismatch and MustUnderstand are 500 in both versions.
  const versionMismatch: Expected = { status: 500, code: C.malformedXml, faultCode: 'VersionMismatch' };
  return [
    c('envelope without Body', () => `<s:Envelope xmlns:s="${SOAP11}"><s:Header/></s:Envelope>`, m),
    c('envelope with two Bodies', () => `<s:Envelope xmlns:s="${SOAP11}"><s:Body>${body()}</s:Body><s:Body>${body()}</s:Body></s:Envelope>`, m),
    c('empty Body', () => `<s:Envelope xmlns:s="${SOAP11}"><s:Body/></s:Envelope>`, m),
    c('two operations in the Body', () => envelope11(body() + body()), m),
    c('SOAP 1.1 envelope with a SOAP 1.2 Body', () => `<s:Envelope xmlns:s="${SOAP11}" xmlns:t="${SOAP12}"><t:Body>${body()}</t:Body></s:Envelope>`, m),
    c('SOAP 1.2 envelope with a SOAP 1.1 Body', () => `<t:Envelope xmlns:t="${SOAP12}" xmlns:s="${SOAP11}"><s:Body>${body()}</s:Body></t:Envelope>`, clientFault(C.malformedXml, undefined, '1.2'), SOAP12_TYPE),
    c('operation without an envelope', body, m),
    c('envelope without namespace', () => `<Envelope><Body>${body()}</Body></Envelope>`, versionMismatch),
    c('envelope namespace without its trailing slash', () => envelope11(body()).replaceAll(SOAP11, SOAP11.slice(0, -1)), versionMismatch),
    c('unknown envelope namespace as application/soap+xml', () => envelope12(body()).replaceAll(SOAP12, 'http://www.w3.org/2001/12/soap-envelope'), versionMismatch, SOAP12_TYPE),
    c('SOAP 1.2 envelope sent as text/xml (SOAP 1.1 binding)', () => envelope12(body()), versionMismatch),
    c('SOAP 1.1 envelope sent as application/soap+xml (SOAP 1.2 binding)', () => envelope11(body()), versionMismatch, SOAP12_TYPE),
    c('operation in the next contract version', () => envelope11(body().replace('urn:tareks:hub:declarations:v1', 'urn:tareks:hub:declarations:v2')), clientFault(C.unknownField, 'SubmitDeclaration')),
    c('operation without namespace', () => envelope11('<SubmitDeclaration/>'), clientFault(C.unknownField, 'SubmitDeclaration')),
    c('operation __proto__', () => envelope11('<d:__proto__ xmlns:d="urn:tareks:hub:declarations:v1"/>'), clientFault(C.unknownField, '__proto__')),
    c('header mustUnderstand="true" not understood', () => envelope11(body(), '<h:Trace s:mustUnderstand="true" xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:h="urn:trace"/>'), {
      status: 500,
      code: C.unknownField,
      faultCode: 'MustUnderstand',
      pointer: 'Envelope/Header/Trace',
    }),
    c('SOAP 1.2 header not understood', () => envelope12(body(), `<h:Route e:mustUnderstand="true" xmlns:e="${SOAP12}" xmlns:h="urn:route"/>`), {
      status: 500,
      code: C.unknownField,
      faultCode: 'MustUnderstand',
      pointer: 'Envelope/Header/Route',
    }, SOAP12_TYPE),
  ];
}

function contentTypes(): HostileCase[] {
  const u = clientFault(C.unsupportedMedia);
  const c = (contentType: string | undefined, expected: Expected = u): HostileCase => ({
    name: `SOAP envelope as ${contentType ?? 'no content type'}`,
    protocol: 'SOAP',
    request: (k) => post(utf8(envelope11(submitXml(hostileBase() as unknown as Json))), { ...(contentType ? { 'content-type': contentType } : {}), 'x-api-key': k.full }),
    expected,
  });
  return [
    c('text/plain'), c('application/json'), c('application/x-www-form-urlencoded'), c('text/html'), c('application/octet-stream'), c(undefined),
    // MTOM is accepted, so a plain envelope declared as a multipart package is a broken package, not a wrong media type.
    c('multipart/related; type="application/xop+xml"; boundary=x', clientFault(C.malformedXml)),
  ];
}

function oversized(limit: number): HostileCase[] {
  const padded = (size: number, version: SoapVersion): string => {
    const xml = envelope(version, submitXml(hostileBase() as unknown as Json));
    const close = version === '1.1' ? '</soapenv:Body>' : '</env:Body>';
    return xml.replace(close, ' '.repeat(size - utf8(xml).length) + close);
  };
  const c = (name: string, body: () => HostileRequest['body'], version: SoapVersion): HostileCase => ({
    name: `SOAP ${name}`,
    protocol: 'SOAP',
    request: (k) => post(body(), keyed(k, version)),
    expected: clientFault(C.bodyTooLarge, undefined, version),
  });
  const chunked = (): HostileRequest['body'] => {
    const bytes = utf8(padded(limit + 1, '1.1'));
    return { chunks: Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) => bytes.subarray(i * 65_536, (i + 1) * 65_536)) };
  };
  return [
    c('envelope 1 byte over the limit', () => padded(limit + 1, '1.1'), '1.1'),
    c('SOAP 1.2 envelope 1 byte over the limit', () => padded(limit + 1, '1.2'), '1.2'),
    c('chunked envelope 1 byte over the limit (no Content-Length)', chunked, '1.1'),
    c('envelope 3 times the limit', () => padded(3 * limit, '1.1'), '1.1'),
  ];
}

/** Credentials over SOAP: the X-API-Key header and WS-Security UsernameToken variants. Bodies are valid. */
function credentials(): HostileCase[] {
  const c = (name: string, expected: Expected, header: (k: Keys) => string, httpKey?: (k: Keys) => string, spoil?: (d: Declaration) => void): HostileCase => {
    const d = hostileBase();
    spoil?.(d);
    const xml = (k: Keys): string => envelope11(submitXml(d as unknown as Json), header(k));
    return {
      name: `SOAP ${name}`,
      protocol: 'SOAP',
      request: (k) => post(xml(k), { 'content-type': SOAP11_TYPE, ...(httpKey ? { 'x-api-key': httpKey(k) } : {}) }),
      expected,
      probeId: d.id,
    };
  };
  const none = (): string => '';
  const demo = DEMO_CLIENT_ID;
  return [
    c('no key and no token', clientFault(A.missingKey), none),
    c('unknown X-API-Key', clientFault(A.invalidKey), none, () => 'bilinmeyen-anahtar'),
    c('read-only X-API-Key submits', clientFault(A.scope), none, (k) => k.readOnly),
    c('outcomes X-API-Key submits', clientFault(A.scope), none, (k) => k.outcomes),
    c('revoked X-API-Key', clientFault(A.invalidKey), none, (k) => k.revoked),
    c('UsernameToken with a wrong password', clientFault(A.invalidKey), () => usernameToken({ username: demo, password: 'yanlış-parola', type: PASSWORD_TEXT })),
    c('UsernameToken without Username', clientFault(A.invalidKey), (k) => usernameToken({ password: k.full })),
    c('UsernameToken with Username in another case', clientFault(A.invalidKey), (k) => usernameToken({ username: demo.toUpperCase(), password: k.full })),
    c('UsernameToken without Password', clientFault(A.missingKey), () => usernameToken({ username: demo })),
    c('UsernameToken with an empty Password', clientFault(A.missingKey), () => usernameToken({ username: demo, password: '' })),
    c('UsernameToken with an unknown password type', clientFault(A.invalidKey), (k) => usernameToken({ username: demo, password: k.full, type: 'urn:example:kerberos' })),
    c('mustUnderstand UsernameToken in the 2002 draft namespace', { status: 500, code: C.unknownField, faultCode: 'MustUnderstand', pointer: 'Envelope/Header/Security' }, (k) =>
      usernameToken({ username: demo, password: k.full, namespace: DRAFT_WSSE })),
    c('UsernameToken in the 2002 draft namespace', clientFault(A.missingKey), (k) => usernameToken({ username: demo, password: k.full, namespace: DRAFT_WSSE, mustUnderstand: false })),
    c('no key and an invalid TCKN', clientFault(A.missingKey), none, undefined, (d) => (d.representative.tckn = '17291716061')),
    c('Security header without a UsernameToken', clientFault(A.missingKey), () => `<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:BinarySecurityToken>AAAA</wsse:BinarySecurityToken></wsse:Security>`),
    c('UsernameToken of the read-only client', clientFault(A.scope), (k) => usernameToken({ username: CLIENT_IDS.readOnly, password: k.readOnly })),
    c('UsernameToken of the revoked client', clientFault(A.invalidKey), (k) => usernameToken({ username: CLIENT_IDS.revoked, password: k.revoked })),
    c('wrong X-API-Key beside a valid UsernameToken', clientFault(A.invalidKey), (k) => usernameToken({ username: demo, password: k.full }), () => 'bilinmeyen-anahtar'),
  ];
}

function getDecision(): HostileCase[] {
  const id = hostileId;
  const c = (name: string, inner: () => string, expected: Expected, key: (k: Keys) => string = (k) => k.full): HostileCase => ({
    name: `SOAP GetDecision ${name}`,
    protocol: 'SOAP',
    request: (k) => post(envelope11(getDecisionXml(inner())), { 'content-type': SOAP11_TYPE, 'x-api-key': key(k) }),
    expected,
  });
  return [
    c('malformed id', () => '<d:id>../../etc/passwd</d:id>', clientFault(C.pattern, 'GetDecision/id')),
    c('version 0', () => `<d:id>${id()}</d:id><d:version>0</d:version>`, clientFault(C.range, 'GetDecision/version')),
    c('version "latest"', () => `<d:id>${id()}</d:id><d:version>latest</d:version>`, clientFault(C.type, 'GetDecision/version')),
    c('without id', () => '', clientFault(C.required, 'GetDecision/id')),
    c('unknown element', () => `<d:id>${id()}</d:id><d:all>true</d:all>`, clientFault(C.unknownField, 'GetDecision/all')),
    c('with a write-only key', () => `<d:id>${id()}</d:id>`, clientFault(A.scope), (k) => k.writeOnly),
    c('of an unknown declaration', () => `<d:id>${id()}</d:id>`, clientFault(S.notFound)),
  ];
}

function staleVersions(): HostileCase[] {
  const send = (version: SoapVersion) => (d: Declaration) => (k: Keys) => post(envelope(version, submitXml(d as unknown as Json)), keyed(k, version));
  return [
    staleVersion('SOAP 1.1', 2, 1, send('1.1'), clientFault(C.staleVersion)),
    staleVersion('SOAP 1.1', 5, 4, send('1.1'), clientFault(C.staleVersion)),
    staleVersion('SOAP 1.2', 2, 1, send('1.2'), clientFault(C.staleVersion, undefined, '1.2')),
  ];
}

/** Every SOAP case that does not come from a declaration mutation. */
export function soapEdgeCases(soapBodyLimit: number): HostileCase[] {
  return [
    ...xmlTypes(),
    ...xmlStructure(),
    ...envelopes(),
    ...contentTypes(),
    ...oversized(soapBodyLimit),
    ...credentials(),
    ...getDecision(),
    ...staleVersions(),
    ...dtdAttacks(),
    ...xincludeAttacks(),
    ...malformedXml(),
  ];
}
