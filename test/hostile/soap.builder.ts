import type { Json } from './mutation.js';

export const TNS = 'urn:tareks:hub:declarations:v1';
export const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
export const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
export const PASSWORD_TEXT = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Writes any JSON as contract-style XML in the `d:` prefix: keys in their order (unknown ones too, which the hub's own
 * writer would drop), arrays as a plural wrapper around singular children, undefined left out.
 */
export function toXml(name: string, value: Json | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return `<d:${name}>${value.map((v) => toXml(name.replace(/s$/, ''), v)).join('')}</d:${name}>`;
  if (value !== null && typeof value === 'object') {
    return `<d:${name}>${Object.entries(value).map(([k, v]) => toXml(k, v)).join('')}</d:${name}>`;
  }
  return `<d:${name}>${escape(String(value))}</d:${name}>`;
}

/** The `SubmitDeclaration` wrapper around a declaration (as JSON) and optional extra XML. */
export const submitXml = (declaration: Json, extra = ''): string =>
  `<d:SubmitDeclaration xmlns:d="${TNS}">${toXml('declaration', declaration)}${extra}</d:SubmitDeclaration>`;

export const getDecisionXml = (inner: string): string => `<d:GetDecision xmlns:d="${TNS}">${inner}</d:GetDecision>`;

export const envelope11 = (body: string, header = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SOAP11}"><soapenv:Header>${header}</soapenv:Header><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;

export const envelope12 = (body: string, header = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="${SOAP12}"><env:Header>${header}</env:Header><env:Body>${body}</env:Body></env:Envelope>`;

export interface TokenParts {
  readonly username?: string;
  readonly password?: string;
  /** The Password Type attribute; absent means PasswordText. */
  readonly type?: string;
  readonly namespace?: string;
  /** Marks the Security header mustUnderstand (default true, as WS-Security toolkits do). */
  readonly mustUnderstand?: boolean;
}

/** A WS-Security header with a UsernameToken; any part can be left out or changed. */
export function usernameToken(t: TokenParts): string {
  const ns = t.namespace ?? WSSE;
  const user = t.username === undefined ? '' : `<wsse:Username>${escape(t.username)}</wsse:Username>`;
  const type = t.type === undefined ? '' : ` Type="${t.type}"`;
  const password = t.password === undefined ? '' : `<wsse:Password${type}>${escape(t.password)}</wsse:Password>`;
  const mu = t.mustUnderstand === false ? '' : ' soapenv:mustUnderstand="1"';
  return `<wsse:Security${mu} xmlns:soapenv="${SOAP11}" xmlns:wsse="${ns}"><wsse:UsernameToken>${user}${password}</wsse:UsernameToken></wsse:Security>`;
}

/** `/items/0/gtip` → `SubmitDeclaration/declaration/items/item[1]/gtip`: array indexes become 1-based singular steps. */
export function elementPath(pointer: string, root = 'SubmitDeclaration/declaration'): string {
  let path = root;
  let last = root.split('/').at(-1)!;
  for (const seg of pointer.split('/').slice(1)) {
    path += /^[0-9]+$/.test(seg) ? `/${last.replace(/s$/, '')}[${Number(seg) + 1}]` : `/${seg}`;
    last = seg;
  }
  return path;
}
