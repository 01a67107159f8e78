export const USER_ERROR_CODES = {
  exists: 'HUB_ERR_USER_EXISTS',
  notFound: 'HUB_ERR_USER_NOT_FOUND',
  lastAdmin: 'HUB_ERR_LAST_ADMIN',
  conflict: 'HUB_ERR_USER_CONFLICT',
  invalid: 'HUB_ERR_USER_INVALID',
} as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[keyof typeof USER_ERROR_CODES];

const STATUS: Record<UserErrorCode, number> = {
  HUB_ERR_USER_EXISTS: 409,
  HUB_ERR_USER_NOT_FOUND: 404,
  HUB_ERR_LAST_ADMIN: 409,
  HUB_ERR_USER_CONFLICT: 409,
  HUB_ERR_USER_INVALID: 400,
};

/** A refused user operation; `statusCode` is the HTTP answer it maps to. */
export class UserError extends Error {
  override readonly name = 'UserError';
  readonly retryable: boolean;
  readonly statusCode: number;

  constructor(readonly code: UserErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.statusCode = STATUS[code];
    this.retryable = code === USER_ERROR_CODES.conflict;
  }
}
