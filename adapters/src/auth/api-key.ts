import type { FastifyRequest } from 'fastify';
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

declare module 'fastify' {
  interface FastifyRequest {
    /** The API client a route's `requireScope` hook admitted. */
    apiClient?: ApiClient;
  }
}

/**
 * An `onRequest` hook: the key is checked before the body is read or validated, so a caller without a valid key
 * learns nothing about the contract from validation errors.
 */
export function requireScope(verifier: ApiKeyVerifier, scope: Scope) {
  return async (request: FastifyRequest): Promise<void> => {
    request.apiClient = await authorize(verifier, request.headers[API_KEY_HEADER] as string | undefined, scope);
  };
}
