import type { Queue } from 'bullmq';
import type { NotifyJob } from '@tareks/schemas';
import { deliveryIdOf } from './delivery-id.js';

const IN_FLIGHT = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export type OrderVerdict = 'GO' | 'WAIT' | 'SUPERSEDED';

/**
 * Order per declaration, read from the queue itself (no second state to drift): a version waits while an older
 * version's notification to the same client is still in flight, and is skipped when a newer one was already delivered.
 * Versions are few per declaration, so probing each one's job is cheap.
 */
export async function orderOf(queue: Queue<NotifyJob>, clientId: string, declarationId: string, version: number, latestVersion: number): Promise<OrderVerdict> {
  for (let v = version + 1; v <= latestVersion; v++) {
    if ((await queue.getJobState(deliveryIdOf(clientId, declarationId, v))) === 'completed') return 'SUPERSEDED';
  }
  for (let v = version - 1; v >= 1; v--) {
    if (IN_FLIGHT.has(await queue.getJobState(deliveryIdOf(clientId, declarationId, v)))) return 'WAIT';
  }
  return 'GO';
}
