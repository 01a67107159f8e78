import type { Declaration } from '@tareks/schemas';

export type Protocol = 'REST' | 'SOAP';

/** One HTTP request of the corpus, built lazily so a case costs nothing until it is sent. */
export interface HostileRequest {
  readonly method: 'POST' | 'GET';
  /** Path and query under the hub's base URL. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** A string, raw bytes (invalid UTF-8, UTF-16), or chunks sent without a Content-Length. */
  readonly body?: string | Uint8Array | { readonly chunks: readonly Uint8Array[] };
}

export interface Expected {
  readonly status: number;
  /** Top-level `HUB_ERR_…` code (REST `error.code`, SOAP `HubFault/code`). */
  readonly code: string;
  /** JSON pointer (REST) or element path (SOAP) that must be among the details. */
  readonly pointer?: string;
  /** SOAP fault code without prefix: Client, Server, Server.Busy, MustUnderstand, VersionMismatch (1.2: Sender, …). */
  readonly faultCode?: string;
}

/** A bad input, what the hub must answer, and what must not exist afterwards. */
export interface HostileCase {
  readonly name: string;
  readonly protocol: Protocol;
  readonly request: (keys: Keys) => HostileRequest;
  readonly expected: Expected;
  /** A valid-looking declaration id the case carried: the hub must hold no state for it (or only `stateVersion`). */
  readonly probeId?: string;
  /** The version the hub must still show for `probeId` (a replayed old version leaves the newer one in place). */
  readonly stateVersion?: number;
  /** Valid declarations sent (and awaited) before the case: the newer versions an old one is replayed against. */
  readonly before?: readonly Declaration[];
}

/** API keys the corpus uses: the full demo key and test clients the run creates (`revoked` is revoked before use). */
export type KeyRole = 'full' | 'readOnly' | 'writeOnly' | 'outcomes' | 'revoked';

export type Keys = Readonly<Record<KeyRole, string>>;

/** Clients behind the keys, for UsernameTokens (Username = client id). */
export const CLIENT_IDS: Readonly<Record<Exclude<KeyRole, 'full'>, string>> = {
  readOnly: 'hostile-read-only',
  writeOnly: 'hostile-write-only',
  outcomes: 'hostile-outcomes',
  revoked: 'hostile-revoked',
};

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
