import type { InspectionOutcome } from '@tareks/schemas';

/** One item's outcome key: KV key in the outcomes bucket and `Nats-Msg-Id` of its message. */
export const outcomeKey = (o: Pick<InspectionOutcome, 'declarationId' | 'version' | 'itemNo'>): string => `${o.declarationId}.${o.version}.${o.itemNo}`;

/** Header naming who recorded the outcome (user or API client id). */
export const RECORDED_BY_HEADER = 'Tareks-Recorded-By';
