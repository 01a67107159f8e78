import { API_SCOPES, type ApiScope } from '@tareks/schemas';

/** What an API key may do (the list lives with the API client contract in schemas). */
export const SCOPES = API_SCOPES;
export type Scope = ApiScope;

export interface ApiClient {
  readonly clientId: string;
  readonly scopes: readonly Scope[];
}

/** Looks up the client owning an API key (keys are stored hashed); null when the key is unknown. */
export interface ApiKeyVerifier {
  verify(apiKey: string): Promise<ApiClient | null>;
}
