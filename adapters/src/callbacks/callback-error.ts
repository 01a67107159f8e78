/** Stable codes of a failed decision callback; `retryable` tells the notify worker whether another attempt can help. */
export const CALLBACK_ERROR_CODES = {
  transport: 'CALLBACK_ERR_TRANSPORT',
  timeout: 'CALLBACK_ERR_TIMEOUT',
  rejected: 'CALLBACK_ERR_REJECTED',
  serverError: 'CALLBACK_ERR_SERVER',
  fault: 'CALLBACK_ERR_SOAP_FAULT',
  badResponse: 'CALLBACK_ERR_BAD_RESPONSE',
  noSecret: 'CALLBACK_ERR_NO_SECRET',
} as const;

export class CallbackError extends Error {
  override readonly name = 'CallbackError';
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    /** HTTP status the receiver answered with, when it answered. */
    readonly httpStatus?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** 408 and 429 say "later"; 5xx is the receiver's fault; other 4xx mean the receiver refuses this notification. */
export const isRetryableStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;
