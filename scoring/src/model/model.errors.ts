/** Stable codes of the model room. */
export const MODEL_ERROR_CODES = {
  load: 'MODEL_ERR_LOAD',
  inference: 'MODEL_ERR_INFERENCE',
  shape: 'MODEL_ERR_SHAPE',
} as const;
export type ModelErrorCode = (typeof MODEL_ERROR_CODES)[keyof typeof MODEL_ERROR_CODES];

export class ModelError extends Error {
  override readonly name = 'ModelError';

  constructor(
    readonly code: ModelErrorCode,
    message: string,
    readonly retryable = false,
    options: { cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }
}
