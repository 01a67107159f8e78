/** What went wrong talking to a registry; the code is `<PREFIX>_ERR_<KIND>` so callers branch on it. */
export const ERROR_KINDS = {
  TIMEOUT: { retryable: true, status: 504 },
  UNAVAILABLE: { retryable: true, status: 503 },
  SERVER_FAULT: { retryable: true, status: 502 },
  MALFORMED_REPLY: { retryable: true, status: 502 },
  CLIENT_FAULT: { retryable: false, status: 400 },
  BAD_REQUEST: { retryable: false, status: 400 },
  CIRCUIT_OPEN: { retryable: true, status: 503 },
  BULKHEAD_FULL: { retryable: true, status: 503 },
  REGISTRY_UNAVAILABLE: { retryable: true, status: 503 },
  INTERNAL: { retryable: false, status: 500 },
} as const;
export type ErrorKind = keyof typeof ERROR_KINDS;

export class ConnectorError extends Error {
  override readonly name: string = 'ConnectorError';
  readonly code: string;
  readonly retryable: boolean;
  /** HTTP-like status carried in the NATS services error header. */
  readonly status: number;

  constructor(
    readonly prefix: string,
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown; retryable?: boolean },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = `${prefix}_ERR_${kind}`;
    this.retryable = options?.retryable ?? ERROR_KINDS[kind].retryable;
    this.status = ERROR_KINDS[kind].status;
  }
}

/** Errors of the shared machinery (breaker, bulkhead, NATS transport): prefix CONN. */
export const connError = (kind: ErrorKind, message: string, cause?: unknown): ConnectorError =>
  new ConnectorError('CONN', kind, message, { cause });

export const isConnectorError = (e: unknown): e is ConnectorError => e instanceof ConnectorError;
