import { SERVICE_ERROR_CODES } from '@tareks/schemas';

export const TIMELINE_ERROR_CODES = {
  /** Neither a state nor a timeline event exists for the id (never received, or expired everywhere). */
  notFound: SERVICE_ERROR_CODES.notFound,
} as const;

export class TimelineError extends Error {
  override readonly name = 'TimelineError';
  readonly retryable = false;
  constructor(readonly code: string, message: string, readonly httpStatus: number) {
    super(message);
  }
}
