/** Stable codes of the model registry and the learning loop. */
export const MODEL_REGISTRY_ERROR_CODES = {
  notFound: 'HUB_ERR_MODEL_NOT_FOUND',
  noPrevious: 'HUB_ERR_NO_PREVIOUS_MODEL',
  conflict: 'HUB_ERR_MODEL_POINTER_CONFLICT',
  corrupt: 'HUB_ERR_MODEL_CORRUPT',
} as const;
export type ModelRegistryErrorCode = (typeof MODEL_REGISTRY_ERROR_CODES)[keyof typeof MODEL_REGISTRY_ERROR_CODES];

const STATUS: Record<ModelRegistryErrorCode, number> = {
  HUB_ERR_MODEL_NOT_FOUND: 404,
  HUB_ERR_NO_PREVIOUS_MODEL: 409,
  HUB_ERR_MODEL_POINTER_CONFLICT: 409,
  HUB_ERR_MODEL_CORRUPT: 500,
};

export class ModelRegistryError extends Error {
  override readonly name = 'ModelRegistryError';
  readonly httpStatus: number;

  constructor(
    readonly code: ModelRegistryErrorCode,
    message: string,
    readonly retryable = false,
    options: { cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.httpStatus = STATUS[code];
  }
}
