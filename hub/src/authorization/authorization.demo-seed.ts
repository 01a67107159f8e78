import { authorizationReason } from '@tareks/schemas';
import type { AuthorizationRecord } from '@tareks/schemas';
import type { WorldTrader } from '@tareks/scoring';
import type { TraderKey } from './authorization.grants.js';
import type { NatsAuthorizationService } from './nats-authorization.service.js';

const DAY_MS = 86_400_000;
/** Actor of the seeded approvals in the audit stream. */
export const DEMO_SEED_ACTOR = 'demo-seed';

/**
 * Demo mode: the synthetic world's customs brokers file for the sole proprietors they work for, and ESBİS lists no
 * representatives, so without an authorization every such declaration would be flagged. This records an APPROVED
 * authorization (reason DEMO_SEEDED) for each broker of each active sole proprietor, valid `validDays` from `now`.
 * Idempotent (fixed requestIds); returns how many were new.
 */
export async function seedDemoAuthorizations(
  service: NatsAuthorizationService,
  traders: readonly WorldTrader[],
  now: Date = new Date(),
  validDays = 365,
): Promise<number> {
  const validUntil = new Date(now.getTime() + validDays * DAY_MS).toISOString().slice(0, 10);
  let added = 0;
  for (const t of traders) {
    if (t.form !== 'SOLE_PROPRIETOR' || t.standing !== 'REGISTERED' || !t.esbisNo) continue;
    const traderKeys: TraderKey[] = [`tckn_${t.taxId}`, `esbis_${t.esbisNo}`];
    for (const p of t.representatives.filter((r) => r.tckn !== t.taxId)) {
      const requestId = `DEMO-${t.taxId}-${p.tckn}`;
      const record: AuthorizationRecord = {
        request: {
          requestId,
          applicant: { tckn: p.tckn, firstName: p.firstName, lastName: p.lastName, birthYear: p.birthYear },
          trader: { taxId: t.taxId, esbisNo: t.esbisNo },
          role: 'CUSTOMS_REPRESENTATIVE',
          validUntil,
        },
        result: {
          requestId,
          status: 'APPROVED',
          reasons: [authorizationReason('DEMO_SEEDED')],
          decidedAt: now.toISOString(),
        },
        signature: { method: 'JWS' },
      };
      if (await service.recordApproved(record, traderKeys, DEMO_SEED_ACTOR)) added++;
    }
  }
  return added;
}
