import type { ErrorDetail } from '@tareks/schemas';

export const REPLAY_ERROR_CODES = {
  notFound: 'HUB_ERR_DEAD_LETTER_NOT_FOUND',
  editRefused: 'HUB_ERR_REPLAY_EDIT_REFUSED',
  unreadable: 'HUB_ERR_REPLAY_PAYLOAD_UNREADABLE',
  notifyUnavailable: 'HUB_ERR_NOTIFY_UNAVAILABLE',
  emptySelection: 'HUB_ERR_REPLAY_SELECTION_EMPTY',
} as const;

/** A replay that could not be done; the admin API answers with its status and code. */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus: number,
    readonly details: readonly ErrorDetail[] = [],
    readonly retryable = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
