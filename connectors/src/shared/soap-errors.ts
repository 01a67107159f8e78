import { ConnectorError, type ErrorKind } from './connector.errors.js';
import type { SoapCallError } from './soap-client.js';

const NETWORK_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT']);

const faultIsClient = (fault: Record<string, unknown>): boolean => {
  // SOAP 1.1: faultcode "soap:Client"; SOAP 1.2: Code/Value "soap:Sender".
  const code11 = fault['faultcode'];
  const code12 = (fault['Code'] as { Value?: unknown } | undefined)?.Value;
  const code = String(code11 ?? code12 ?? '');
  return /(^|:)(Client|Sender)$/.test(code);
};

const faultText = (fault: Record<string, unknown>): string => {
  const reason = (fault['Reason'] as { Text?: unknown } | undefined)?.Text;
  const text = fault['faultstring'] ?? reason;
  return typeof text === 'string' ? text : JSON.stringify(text ?? fault);
};

/** Maps a node-soap / transport failure to a typed error of the connector (one function for every SOAP upstream). */
export function soapError(prefix: string, upstream: string, err: unknown, signal: AbortSignal): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const e = (err ?? {}) as SoapCallError;
  const make = (kind: ErrorKind, message: string) => new ConnectorError(prefix, kind, `${upstream}: ${message}`, { cause: err });
  if (signal.aborted) return make('TIMEOUT', 'call aborted by its deadline');
  const fault = e.root?.Envelope?.Body?.Fault;
  if (fault) return make(faultIsClient(fault) ? 'CLIENT_FAULT' : 'SERVER_FAULT', `SOAP Fault: ${faultText(fault)}`);
  if (e.code && NETWORK_DOWN.has(e.code)) return make('UNAVAILABLE', `connection failed (${e.code})`);
  const status = e.response?.status;
  if (status !== undefined && status >= 400) return make('UNAVAILABLE', `HTTP ${status}`);
  return make('MALFORMED_REPLY', `unreadable reply: ${e.message ?? String(err)}`);
}
