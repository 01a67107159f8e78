import type { ConnectorError } from '../shared/connector.errors.js';
import { soapError } from '../shared/soap-errors.js';

export const KPS_ERROR_PREFIX = 'KPS';

/** Every KPS failure as a typed error: KPS_ERR_TIMEOUT, _UNAVAILABLE, _SERVER_FAULT, _CLIENT_FAULT, _MALFORMED_REPLY. */
export const kpsError = (err: unknown, signal: AbortSignal): ConnectorError => soapError(KPS_ERROR_PREFIX, 'KPS', err, signal);
