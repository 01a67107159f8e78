import type { InspectionOutcome, OutcomeReceipt } from '@tareks/schemas';

/** Stable codes of outcome intake. */
export const OUTCOME_ERROR_CODES = {
  unknownItem: 'HUB_ERR_OUTCOME_UNKNOWN_ITEM',
  conflict: 'HUB_ERR_OUTCOME_CONFLICT',
} as const;

/** Who records an outcome: a signed-in inspector or an API client with `outcomes:write`. */
export interface OutcomeCaller {
  readonly kind: 'user' | 'api-client';
  readonly id: string;
  readonly roles: readonly string[];
}

/**
 * Records inspection results (implemented by the hub: JetStream `<ns>.outcome.<office>`). Throws `IngestError`
 * with an OUTCOME_ERROR_CODES code for an item that was never decided or a result that contradicts an earlier one.
 */
export interface OutcomeService {
  record(outcome: InspectionOutcome, caller: OutcomeCaller): Promise<OutcomeReceipt>;
}
