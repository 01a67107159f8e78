/**
 * What an API key may do. Customs systems hold `declarations:*`; `outcomes:write` is for inspection systems;
 * `admin` lets an operations tool call the admin API (replay, models, clients) as the key's client.
 */
export const SCOPES = ['declarations:write', 'declarations:read', 'outcomes:write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiClient {
  readonly clientId: string;
  readonly scopes: readonly Scope[];
}

/** Looks up the client owning an API key (keys are stored hashed); null when the key is unknown. */
export interface ApiKeyVerifier {
  verify(apiKey: string): Promise<ApiClient | null>;
}
