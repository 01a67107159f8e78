import type { InspectionWorkItem, InspectionWorkList, InspectionWorkListQuery } from '@tareks/schemas';
import type { SqlValue, WarehouseDb } from '../warehouse/warehouse.db.js';

/** Where the work list comes from: the warehouse when this process runs it. */
export interface WorkListSource {
  list(q: InspectionWorkListQuery): Promise<InspectionWorkList>;
}

/** Current item decisions routed to inspection with no outcome recorded yet. */
const WAITING = `FROM decision_items WHERE NOT superseded AND lane IN ('YELLOW', 'RED') AND outcome IS NULL`;

/**
 * The inspectors' work list over the warehouse's fact table (one row per decided item, its outcome copied in when it
 * arrives): newest decision first, optionally one office or lane. One columnar scan; the offices for the filter come
 * from the same unfiltered set.
 */
export class WarehouseWorkList implements WorkListSource {
  constructor(private readonly db: WarehouseDb) {}

  async list(q: InspectionWorkListQuery): Promise<InspectionWorkList> {
    const where: string[] = [];
    const values: SqlValue[] = [];
    if (q.office) {
      where.push('customs_office = ?');
      values.push(q.office);
    }
    if (q.lane) {
      where.push('lane = ?');
      values.push(q.lane);
    }
    const filter = where.length ? ` AND ${where.join(' AND ')}` : '';
    const [items, totals, offices] = await Promise.all([
      this.db.query<InspectionWorkItem>(
        `SELECT declaration_id AS "declarationId", version, item_no AS "itemNo", customs_office AS "customsOffice", lane,
           score, selection_cause AS "selectionCause", top_reason AS "topReason", gtip, origin,
           strftime(decided_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS "decidedAt"
         ${WAITING}${filter} ORDER BY decided_at DESC NULLS LAST, declaration_id, item_no LIMIT ? OFFSET ?`,
        [...values, q.limit ?? 50, q.offset ?? 0],
      ),
      this.db.query<{ total: number }>(`SELECT count(*)::INTEGER AS total ${WAITING}${filter}`, values),
      this.db.query<{ office: string }>(`SELECT DISTINCT customs_office AS office ${WAITING} AND customs_office IS NOT NULL ORDER BY 1`),
    ]);
    return { items, total: totals[0]?.total ?? 0, offices: offices.map((o) => o.office) };
  }
}
