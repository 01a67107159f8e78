/** Stable codes of the evaluation: callers branch on `code`, never on the message. */
export const EVALUATE_ERROR_CODES = {
  csvHeader: 'EVAL_ERR_CSV_HEADER',
  csvField: 'EVAL_ERR_CSV_FIELD',
  csvSyntax: 'EVAL_ERR_CSV_SYNTAX',
  emptyData: 'EVAL_ERR_EMPTY_DATA',
  badOption: 'EVAL_ERR_BAD_OPTION',
  peer: 'EVAL_ERR_PEER',
} as const;
export type EvaluateErrorCode = (typeof EVALUATE_ERROR_CODES)[keyof typeof EVALUATE_ERROR_CODES];

export class EvaluateError extends Error {
  override readonly name = 'EvaluateError';
  /** Bad input never heals by retrying; a peer process may. */
  readonly retryable: boolean;

  constructor(
    readonly code: EvaluateErrorCode,
    message: string,
    options: { cause?: unknown; retryable?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? false;
  }
}
