import type { ConnectorError } from '../shared/connector.errors.js';
import { soapError } from '../shared/soap-errors.js';

export const MERSIS_ERROR_PREFIX = 'MERSIS';

/** Every MERSİS failure as a typed error: MERSIS_ERR_TIMEOUT, _UNAVAILABLE, _SERVER_FAULT, _CLIENT_FAULT, _MALFORMED_REPLY. */
export const mersisError = (err: unknown, signal: AbortSignal): ConnectorError => soapError(MERSIS_ERROR_PREFIX, 'MERSİS', err, signal);
