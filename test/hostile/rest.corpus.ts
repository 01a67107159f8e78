import { AUTH_ERROR_CODES as A, INPUT_ERROR_CODES as C, SERVICE_ERROR_CODES as S, type Declaration } from '@tareks/schemas';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { utf8, type Expected, type HostileCase, type HostileRequest, type Keys } from './hostile-case.js';
import { hostileBase, hostileId, mutated, type Mutation } from './mutation.js';
import { invalidUtf8Variants } from './encoding.variants.js';

const PATH = '/v1/declarations';
const JSON_TYPE = 'application/json';
const VALID_ID = /^[0-9]{8}[A-Z]{2}[0-9A-Z]{6}$/;

const post = (body: HostileRequest['body'], headers: Record<string, string>, path = PATH): HostileRequest => ({ method: 'POST', path, headers, body });
const withKey = (k: Keys, extra: Record<string, string> = {}): Record<string, string> => ({ 'content-type': JSON_TYPE, 'x-api-key': k.full, ...extra });
const bad = (status: number, code: string, pointer?: string): Expected => ({ status, code, ...(pointer !== undefined ? { pointer } : {}) });

/** A declaration valid in every way (unless spoiled), under a fresh hostile id: only its transport or credentials are wrong. */
const validBody = (spoil?: (d: Declaration) => void): { id: string; text: string } => {
  const d = hostileBase();
  spoil?.(d);
  return { id: d.id, text: JSON.stringify(d) };
};

export function restMutationCase(m: Mutation): HostileCase {
  const body = mutated(m);
  const id = typeof body.id === 'string' && VALID_ID.test(body.id) ? body.id : undefined;
  const text = JSON.stringify(body);
  return { name: `REST ${m.name}`, protocol: 'REST', request: (k) => post(text, withKey(k)), expected: bad(400, m.code, m.pointer), probeId: id };
}

const raw = (name: string, text: () => string | Uint8Array, expected: Expected, contentType = JSON_TYPE): HostileCase => ({
  name: `REST ${name}`,
  protocol: 'REST',
  request: (k) => post(text(), withKey(k, { 'content-type': contentType })),
  expected,
});

const valid = (): string => JSON.stringify(hostileBase());
const deep = (n: number, open: string, close: string, inner = '0'): string => open.repeat(n) + inner + close.repeat(n);

function malformedJson(): HostileCase[] {
  const m = bad(400, C.malformedJson);
  return [
    raw('JSON truncated in the middle', () => valid().slice(0, 300), m),
    raw('JSON with a trailing comma', () => valid().replace(/}$/, ',}'), m),
    raw('JSON with single quotes', () => valid().replace(/"/g, "'"), m),
    raw('JSON with a comment', () => `/* beyanname */${valid()}`, m),
    raw('JSON with NaN', () => valid().replace('"quantity":1200', '"quantity":NaN'), m),
    raw('JSON with Infinity', () => valid().replace('"netMassKg":360', '"netMassKg":Infinity'), m),
    raw('JSON with unquoted keys', () => valid().replace('"kind"', 'kind'), m),
    raw('JSON followed by garbage', () => `${valid()}}`, m),
    raw('two JSON documents', () => valid() + valid(), m),
    raw('empty body', () => '', m),
    raw('whitespace-only body', () => ' \n\t ', m),
    raw('raw newline inside a string', () => valid().replace('Pelüş oyuncak', 'Pelüş\noyuncak'), m),
    raw('\\x escape', () => valid().replace('Pelüş', 'Pel\\x41'), m),
    raw('__proto__ key (prototype poisoning)', () => valid().replace('{', '{"__proto__":{"isAdmin":true},'), m),
    raw('constructor.prototype key', () => valid().replace('{', '{"constructor":{"prototype":{"isAdmin":true}},'), m),
    raw('XML sent as application/json', () => '<declaration><id>1</id></declaration>', m),
    ...invalidUtf8Variants().map(([name, bytes]) =>
      raw(`invalid UTF-8: ${name}`, () => bytesInside(valid(), 'Pelüş', bytes), m),
    ),
  ];
}

/** The JSON text with raw bytes put in place of a marker inside a string value. */
function bytesInside(text: string, marker: string, bytes: Uint8Array): Uint8Array {
  const [head, tail] = text.split(marker) as [string, string];
  return Buffer.concat([utf8(head), bytes, utf8(tail)]);
}

function wrongShapes(): HostileCase[] {
  const t = (pointer: string) => bad(400, C.type, pointer);
  return [
    raw('body is an array of declarations', () => `[${valid()}]`, t('')),
    raw('body is a string', () => JSON.stringify(valid()), t('')),
    raw('body is a number', () => '42', t('')),
    raw('body is true', () => 'true', t('')),
    raw('body is null', () => 'null', t('')),
    raw('body nested 100 000 arrays deep', () => deep(100_000, '[', ']'), t('')),
    raw('brand nested 10 000 arrays deep', () => valid().replace('"Şirin Ayıcık"', deep(10_000, '[', ']')), t('/items/0/brand')),
    raw('unknown field nested 10 000 objects deep', () => valid().replace('{', `{"deep":${deep(10_000, '{"a":', '}')},`), bad(400, C.unknownField, '/deep')),
    raw('amount 1e400', () => valid().replace('"amount":4200', '"amount":1e400'), bad(400, C.range, '/items/0/value/amount')),
    raw('item number 1e21', () => valid().replace('"itemNo":2', '"itemNo":1e21'), bad(400, C.range, '/items/1/itemNo')),
  ];
}

function contentTypes(): HostileCase[] {
  const u = bad(415, C.unsupportedMedia);
  return [
    raw('declaration as text/plain', valid, u, 'text/plain'),
    raw('declaration as text/plain; charset=utf-8', valid, u, 'text/plain; charset=utf-8'),
    raw('declaration as application/xml', valid, u, 'application/xml'),
    raw('declaration as a form', () => `declaration=${encodeURIComponent(valid())}`, u, 'application/x-www-form-urlencoded'),
    raw('declaration as multipart', () => `--x\r\n\r\n${valid()}\r\n--x--`, u, 'multipart/form-data; boundary=x'),
    raw('declaration as application/octet-stream', valid, u, 'application/octet-stream'),
    raw('declaration as text/html', valid, u, 'text/html'),
    raw('declaration as application/json; charset=utf-16', valid, u, 'application/json; charset=utf-16'),
    raw('declaration as application/json-patch+json', valid, u, 'application/json-patch+json'),
    {
      name: 'REST declaration without a content type',
      protocol: 'REST',
      request: (k) => post(utf8(valid()), { 'x-api-key': k.full }),
      expected: u,
    },
  ];
}

function oversized(limit: number): HostileCase[] {
  const big = bad(413, C.bodyTooLarge);
  const padded = (size: number): string => {
    const v = valid();
    return v.slice(0, -1) + ' '.repeat(size - utf8(v).length) + '}';
  };
  return [
    raw('body 1 byte over the limit', () => padded(limit + 1), big),
    raw('body 4 times the limit', () => padded(4 * limit), big),
    raw('description 1 byte over the body limit', () => valid().replace('Pelüş oyuncak ayı, 30 cm', 'x'.repeat(limit)), big),
    {
      name: 'REST chunked body 1 byte over the limit (no Content-Length)',
      protocol: 'REST',
      request: (k) => {
        const bytes = utf8(padded(limit + 1));
        const chunks = Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) => bytes.subarray(i * 65_536, (i + 1) * 65_536));
        return post({ chunks }, withKey(k));
      },
      expected: big,
    },
  ];
}

/** Credentials: missing, unknown, of another scope, revoked, or in the wrong place. Bodies are valid. */
function credentials(): HostileCase[] {
  const authCase = (name: string, headers: (k: Keys) => Record<string, string>, expected: Expected, path = PATH, spoil?: (d: Declaration) => void): HostileCase => {
    const { id, text } = validBody(spoil);
    return { name: `REST ${name}`, protocol: 'REST', request: (k) => post(text, headers(k), path), expected, probeId: id };
  };
  const ct = { 'content-type': JSON_TYPE };
  return [
    authCase('no API key', () => ct, bad(401, A.missingKey)),
    authCase('empty API key', () => ({ ...ct, 'x-api-key': '' }), bad(401, A.missingKey)),
    authCase('API key in an Authorization header', (k) => ({ ...ct, authorization: `Bearer ${k.full}` }), bad(401, A.missingKey)),
    authCase('unknown API key', () => ({ ...ct, 'x-api-key': 'bilinmeyen-anahtar' }), bad(401, A.invalidKey)),
    authCase('API key in upper case', (k) => ({ ...ct, 'x-api-key': k.full.toUpperCase() }), bad(401, A.invalidKey)),
    authCase('API key with one character changed', (k) => ({ ...ct, 'x-api-key': `${k.full.slice(0, -1)}#` }), bad(401, A.invalidKey)),
    authCase('API key of 8 KiB', () => ({ ...ct, 'x-api-key': 'k'.repeat(8192) }), bad(401, A.invalidKey)),
    authCase('no API key and an invalid TCKN', () => ct, bad(401, A.missingKey), PATH, (d) => (d.representative.tckn = '17291716061')),
    authCase('unknown API key and an unknown field', () => ({ ...ct, 'x-api-key': 'bilinmeyen-anahtar' }), bad(401, A.invalidKey), PATH, (d) => Object.assign(d, { priority: 'HIGH' })),
    authCase('revoked API key', (k) => ({ ...ct, 'x-api-key': k.revoked }), bad(401, A.invalidKey)),
    authCase('read-only key submits', (k) => ({ ...ct, 'x-api-key': k.readOnly }), bad(403, A.scope)),
    authCase('outcomes key submits', (k) => ({ ...ct, 'x-api-key': k.outcomes }), bad(403, A.scope)),
    authCase('API key in the query string (only the header counts)', () => ct, bad(401, A.missingKey), `${PATH}?apiKey=demo-customs-key`),
    authCase('wait is not a number', withKey, bad(400, C.type, '/wait'), `${PATH}?wait=soon`),
    authCase('wait is negative', withKey, bad(400, C.range, '/wait'), `${PATH}?wait=-1`),
    authCase('wait over a minute', withKey, bad(400, C.range, '/wait'), `${PATH}?wait=60001`),
    authCase('wait is a fraction', withKey, bad(400, C.type, '/wait'), `${PATH}?wait=1.5`),
  ];
}

function statusLookups(): HostileCase[] {
  const get = (name: string, path: (id: string) => string, key: (k: Keys) => string | undefined, expected: Expected): HostileCase => {
    const id = hostileId();
    return {
      name: `REST GET ${name}`,
      protocol: 'REST',
      request: (k): HostileRequest => {
        const apiKey = key(k);
        return { method: 'GET', path: path(id), headers: apiKey === undefined ? {} : { 'x-api-key': apiKey } };
      },
      expected,
    };
  };
  return [
    get('malformed id', () => `${PATH}/not-a-declaration`, (k) => k.full, bad(400, C.pattern, '/id')),
    get('id with a path traversal', () => `${PATH}/..%2F..%2Fetc%2Fpasswd`, (k) => k.full, bad(400, C.pattern, '/id')),
    get('without a key', (id) => `${PATH}/${id}`, () => undefined, bad(401, A.missingKey)),
    get('with a write-only key', (id) => `${PATH}/${id}`, (k) => k.writeOnly, bad(403, A.scope)),
    get('unknown declaration', (id) => `${PATH}/${id}`, (k) => k.full, bad(404, S.notFound)),
  ];
}

/** A newer version goes in first (valid traffic), then an older one is replayed. */
export function staleVersion(label: string, newer: number, older: number, send: (d: Declaration) => (k: Keys) => HostileRequest, expected: Expected): HostileCase {
  const id = hostileId();
  const old = sampleDeclaration({ id, version: older });
  return {
    name: `${label} replayed v${older} after v${newer}`,
    protocol: label.startsWith('SOAP') ? 'SOAP' : 'REST',
    request: send(old),
    expected,
    probeId: id,
    stateVersion: newer,
    before: [sampleDeclaration({ id, version: newer })],
  };
}

function staleVersions(): HostileCase[] {
  const send = (d: Declaration) => (k: Keys) => post(JSON.stringify(d), withKey(k));
  const stale = bad(409, C.staleVersion);
  return [staleVersion('REST', 2, 1, send, stale), staleVersion('REST', 3, 2, send, stale), staleVersion('REST', 999, 1, send, stale)];
}

/** Every REST case that does not come from a declaration mutation. */
export function restEdgeCases(restBodyLimit: number): HostileCase[] {
  return [...malformedJson(), ...wrongShapes(), ...contentTypes(), ...oversized(restBodyLimit), ...credentials(), ...statusLookups(), ...staleVersions()];
}
