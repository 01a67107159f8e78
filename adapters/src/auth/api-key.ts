import { AUTH_ERROR_CODES } from '@tareks/schemas';
import { IngestError } from '../ingest/ingest-error.js';
import type { ApiClient, ApiKeyVerifier, Scope } from './api-client.js';

/** Resolves the client of a presented key and checks its scope; throws a coded 401/403 IngestError otherwise. */
export async function authorize(verifier: ApiKeyVerifier, apiKey: string | undefined, scope: Scope): Promise<ApiClient> {
  if (!apiKey) throw new IngestError(AUTH_ERROR_CODES.missingKey, 'API key required', 401);
  const client = await verifier.verify(apiKey);
  if (!client) throw new IngestError(AUTH_ERROR_CODES.invalidKey, 'API key not recognised', 401);
  if (!client.scopes.includes(scope)) throw new IngestError(AUTH_ERROR_CODES.scope, `scope '${scope}' not granted to this client`, 403);
  return client;
}

export const API_KEY_HEADER = 'x-api-key';
