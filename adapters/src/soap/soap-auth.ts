import { AUTH_ERROR_CODES } from '@tareks/schemas';
import type { ApiClient, ApiKeyVerifier, Scope } from '../auth/api-client.js';
import { authorize } from '../auth/api-key.js';
import { attributeOf, type XmlElement } from './safe-xml.parser.js';
import { SoapFault } from './soap-fault.js';
import { WSSE, WSSE_PASSWORD_TEXT } from './soap.constants.js';

interface Credentials {
  readonly apiKey: string;
  /** The client id a UsernameToken claims; it must match the key's owner. */
  readonly username?: string;
}

const child = (el: XmlElement | undefined, local: string): XmlElement | undefined =>
  el?.children.find((c) => c.ns === WSSE && c.local === local);

const invalidKey = (message: string): SoapFault => new SoapFault(AUTH_ERROR_CODES.invalidKey, message, 'Client');

/** WS-Security UsernameToken with a PasswordText password (Username = client id, Password = API key). */
function usernameToken(headers: readonly XmlElement[]): Credentials | undefined {
  const token = child(headers.find((h) => h.ns === WSSE && h.local === 'Security'), 'UsernameToken');
  if (!token) return undefined;
  const password = child(token, 'Password');
  const type = password && attributeOf(password, '', 'Type');
  if (type !== undefined && type !== WSSE_PASSWORD_TEXT) {
    throw invalidKey('Yalnızca PasswordText desteklenir / Only PasswordText UsernameTokens are supported');
  }
  return { apiKey: password?.text.trim() ?? '', username: child(token, 'Username')?.text.trim() ?? '' };
}

/**
 * Authenticates a SOAP call by the `X-API-Key` HTTP header or else a WS-Security UsernameToken, and checks its scope
 * (the same check as REST; its IngestErrors become Client faults).
 */
export async function authenticate(
  verifier: ApiKeyVerifier,
  apiKeyHeader: string | string[] | undefined,
  soapHeaders: readonly XmlElement[],
  scope: Scope,
): Promise<ApiClient> {
  const headerKey = Array.isArray(apiKeyHeader) ? apiKeyHeader[0] : apiKeyHeader;
  const creds: Credentials | undefined = headerKey ? { apiKey: headerKey } : usernameToken(soapHeaders);
  const client = await authorize(verifier, creds?.apiKey, scope);
  if (creds?.username !== undefined && creds.username !== client.clientId) throw invalidKey('Geçersiz API anahtarı / Invalid API key');
  return client;
}
