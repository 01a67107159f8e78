export const SCOPES = ['declarations:write', 'declarations:read'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiClient {
  readonly clientId: string;
  readonly scopes: readonly Scope[];
}

/** Looks up the client owning an API key (keys are stored hashed); null when the key is unknown. */
export interface ApiKeyVerifier {
  verify(apiKey: string): Promise<ApiClient | null>;
}
