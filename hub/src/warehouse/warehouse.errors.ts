/** The warehouse did not take in the streams' messages within the time asked (a slow or stuck projection). */
export class WarehouseBehindError extends Error {
  override readonly name = 'WarehouseBehindError';
  readonly code = 'HUB_ERR_WAREHOUSE_BEHIND';
  readonly retryable = true;

  constructor(timeoutMs: number) {
    super(`warehouse did not catch up with the streams within ${timeoutMs} ms`);
  }
}
