import { randomUUID } from 'node:crypto';
import { DeliverPolicy, type JetStreamClient, type OrderedConsumerOptions } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { AuditAction, AuditActor, AuditPage, AuditQuery, AuditRecord, Names } from '@tareks/schemas';
import type { Principal } from '../auth/principal.js';

export interface AuditInput {
  readonly actor: AuditActor | Principal;
  readonly action: AuditAction;
  readonly target: string;
  /** OK, DRY_RUN, or the error code the action ended with. */
  readonly result: string;
  readonly details?: Record<string, unknown>;
}

const DEFAULT_LIMIT = 100;
/** Largest export in one call; beyond it, page with the cursor. */
export const EXPORT_LIMIT = 100_000;

/**
 * Append-only record of admin actions in the audit stream (`deny_delete`, `deny_purge`), one subject per action.
 * Admin actions are rare, so queries read the stream (filtered by action subject, started at the time or cursor)
 * instead of keeping an index.
 */
export class AuditLog {
  constructor(
    private readonly js: JetStreamClient,
    private readonly names: Names,
    private readonly logger: Logger,
  ) {}

  async record(input: AuditInput): Promise<AuditRecord> {
    const record: AuditRecord = {
      id: randomUUID(),
      at: new Date().toISOString(),
      actor: { kind: input.actor.kind, id: input.actor.id },
      action: input.action,
      target: input.target,
      result: input.result,
      details: input.details ?? {},
    };
    await this.js.publish(this.names.subjects.audit(input.action), JSON.stringify(record), { msgID: record.id });
    this.logger.info({ audit: record }, 'admin action audited');
    return record;
  }

  async query(q: AuditQuery): Promise<AuditPage> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const opts: Partial<OrderedConsumerOptions> = { filter_subjects: q.action ? this.names.subjects.audit(q.action) : this.names.subjects.auditAll };
    if (q.cursor) Object.assign(opts, { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: q.cursor });
    else if (q.from) Object.assign(opts, { deliver_policy: DeliverPolicy.StartTime, opt_start_time: q.from });
    const consumer = await this.js.consumers.get(this.names.streams.audit, opts);
    const info = await consumer.info();
    if (info.num_pending === 0) return { records: [] };
    const to = q.to ? Date.parse(q.to) : Infinity;
    const records: AuditRecord[] = [];
    const messages = await consumer.consume({ max_messages: Math.min(1000, limit * 2) });
    let nextCursor: number | undefined;
    try {
      for await (const m of messages) {
        const r = m.json<AuditRecord>();
        if (Date.parse(r.at) > to) break;
        if (!q.actor || r.actor.id === q.actor) records.push(r);
        if (m.info.pending === 0) break;
        if (records.length >= limit) {
          nextCursor = m.seq + 1;
          break;
        }
      }
    } finally {
      await messages.close();
    }
    return nextCursor ? { records, nextCursor } : { records };
  }

  /** Every record matching the query (up to EXPORT_LIMIT), reading page by page. */
  async all(q: Omit<AuditQuery, 'limit' | 'cursor'>): Promise<AuditRecord[]> {
    const out: AuditRecord[] = [];
    let cursor: number | undefined;
    do {
      const page = await this.query({ ...q, limit: 1000, ...(cursor ? { cursor } : {}) });
      out.push(...page.records);
      cursor = page.nextCursor;
    } while (cursor && out.length < EXPORT_LIMIT);
    return out.slice(0, EXPORT_LIMIT);
  }
}
