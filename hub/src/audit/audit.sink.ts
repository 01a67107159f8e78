import { AUDIT_ACTIONS, type AuditAction } from '@tareks/schemas';
import type { Principal } from '../auth/principal.js';
import type { AuditLog } from './audit.log.js';

/**
 * The `(action, by, detail)` shape other route plugins take (e.g. `userRoutes`): records a successful action whose
 * target is `detail.target`, `detail.username`, `detail.clientId` or `detail.name`.
 */
export function auditSink(log: AuditLog) {
  return async (action: string, by: Principal, detail: Record<string, unknown>): Promise<void> => {
    if (!(AUDIT_ACTIONS as readonly string[]).includes(action)) throw new RangeError(`unknown audit action ${action}; add it to AUDIT_ACTIONS`);
    const target = detail.target ?? detail.username ?? detail.clientId ?? detail.name ?? '';
    await log.record({ actor: by, action: action as AuditAction, target: String(target), result: 'OK', details: detail });
  };
}
