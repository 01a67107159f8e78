import { ConnectorError, type ErrorKind } from '../shared/connector.errors.js';

export const ESBIS_ERROR_PREFIX = 'ESBIS';

const NETWORK_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/** Maps an HTTP status of ESBİS to the kind of failure (404 is an answer, not an error, and never reaches here). */
export function esbisStatusKind(status: number): ErrorKind {
  if (status === 503 || status === 502 || status === 504 || status === 429) return 'UNAVAILABLE';
  if (status >= 500) return 'SERVER_FAULT';
  return 'CLIENT_FAULT';
}

/** Every ESBİS failure as a typed error: ESBIS_ERR_TIMEOUT, _UNAVAILABLE, _SERVER_FAULT, _CLIENT_FAULT, _MALFORMED_REPLY. */
export function esbisError(err: unknown, signal: AbortSignal): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const make = (kind: ErrorKind, message: string) => new ConnectorError(ESBIS_ERROR_PREFIX, kind, `ESBİS: ${message}`, { cause: err });
  if (signal.aborted) return make('TIMEOUT', 'call aborted by its deadline');
  const code = (err as { cause?: { code?: string } } | undefined)?.cause?.code;
  if (code && NETWORK_DOWN.has(code)) return make('UNAVAILABLE', `connection failed (${code})`);
  return make('UNAVAILABLE', `request failed: ${(err as Error | undefined)?.message ?? String(err)}`);
}
