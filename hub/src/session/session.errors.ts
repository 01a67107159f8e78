export const SESSION_ERROR_CODES = {
  loginFailed: 'HUB_ERR_LOGIN_FAILED',
  throttled: 'HUB_ERR_LOGIN_THROTTLED',
  csrf: 'HUB_ERR_CSRF_INVALID',
} as const;
export type SessionErrorCode = (typeof SESSION_ERROR_CODES)[keyof typeof SESSION_ERROR_CODES];

const STATUS: Record<SessionErrorCode, number> = { HUB_ERR_LOGIN_FAILED: 401, HUB_ERR_LOGIN_THROTTLED: 429, HUB_ERR_CSRF_INVALID: 403 };

/** A refused sign-in or a state-changing request without the session's CSRF token; `statusCode` is its HTTP answer. */
export class SessionError extends Error {
  override readonly name = 'SessionError';
  readonly retryable: boolean;
  readonly statusCode: number;

  constructor(
    readonly code: SessionErrorCode,
    message: string,
    /** Seconds until a throttled username may try again. */
    readonly retryAfterSec = 0,
  ) {
    super(message);
    this.statusCode = STATUS[code];
    this.retryable = code === SESSION_ERROR_CODES.throttled;
  }
}
