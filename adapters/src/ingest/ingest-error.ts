import type { ErrorDetail } from '@tareks/schemas';

/** An error the edge reports to the caller: a stable code, an HTTP status, and per-field details. */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
    readonly details: readonly ErrorDetail[] = [],
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
  readonly retryAfterSeconds: number | undefined;
}
