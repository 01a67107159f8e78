import { DEFAULT_LANE_POLICY, capacityKey, type LaneCapacity } from '@tareks/scoring';
import type {
  AuthorizationReport, Domain, HitRateReport, InspectionRateReport, ModelPerformanceReport, ProductRiskReport, ReportRange,
  RiskMapItemsReport, RiskMapReport, TraderRiskReport, VolumeDimension, VolumeReport,
} from '@tareks/schemas';
import type { Row, SqlValue, WarehouseDb } from '../warehouse/warehouse.db.js';

/** Planned inspection shares per office × domain (what the lane router aims at). */
export type CapacityOf = (office: string, domain: Domain) => LaneCapacity;

export const defaultCapacity: CapacityOf = (office, domain) => DEFAULT_LANE_POLICY.capacityByKey[capacityKey(office, domain)] ?? DEFAULT_LANE_POLICY.capacity;

const rate = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** Current (not superseded) item decisions of the range; `?` 1 and 2 are the range's days. */
const CURRENT = `SELECT * FROM decision_items WHERE NOT superseded AND day BETWEEN ?::DATE AND ?::DATE`;

const VOLUME_KEY: Record<VolumeDimension, string> = {
  lane: 'lane',
  office: 'customs_office',
  domain: 'domain',
  day: 'day',
};

/** Figures shared by the risk reports: item counts, mean score, inspections and non-compliance found. */
const RISK_FIGURES = `count(*)::INTEGER AS items, avg(score)::DOUBLE AS "meanScore", avg((lane = 'RED')::INTEGER)::DOUBLE AS "redShare",
  count(outcome)::INTEGER AS inspected, count_if(non_compliant)::INTEGER AS "nonCompliant"`;

const withRate = <T extends Row & { inspected: number; nonCompliant: number }>(rows: T[]): Array<T & { nonComplianceRate: number | null }> =>
  rows.map((r) => ({ ...r, nonComplianceRate: rate(r.nonCompliant, r.inspected) }));

/** The BI reports over the warehouse: each one a single DuckDB query over the range. */
export class ReportQueries {
  constructor(
    private readonly db: WarehouseDb,
    private readonly capacityOf: CapacityOf = defaultCapacity,
  ) {}

  /** Per key: declarations (for lanes, by the declaration's overall lane), items (by their own lane) and items per lane. */
  async volumes(range: ReportRange, by: VolumeDimension): Promise<VolumeReport> {
    const declarationKey = by === 'lane' ? 'declaration_lane' : VOLUME_KEY[by];
    const rows = await this.db.query<VolumeReport['rows'][number]>(
      `WITH cur AS (${CURRENT}),
       g AS (SELECT ${VOLUME_KEY[by]} AS key, count(*)::INTEGER AS items, count_if(lane = 'GREEN')::INTEGER AS green,
               count_if(lane = 'YELLOW')::INTEGER AS yellow, count_if(lane = 'RED')::INTEGER AS red FROM cur GROUP BY 1),
       d AS (SELECT ${declarationKey} AS key, count_if(first_item) AS n FROM cur GROUP BY 1)
       SELECT g.key::VARCHAR AS key, coalesce(d.n, 0)::INTEGER AS declarations, items, green, yellow, red FROM g LEFT JOIN d USING (key) ORDER BY g.key`,
      [range.from, range.to],
    );
    return { range, by, rows };
  }

  async inspectionRate(range: ReportRange): Promise<InspectionRateReport> {
    const rows = await this.db.query<{ customsOffice: string; domain: Domain; items: number; yellow: number; red: number }>(
      `SELECT customs_office AS "customsOffice", domain, count(*)::INTEGER AS items,
         count_if(lane = 'YELLOW')::INTEGER AS yellow, count_if(lane = 'RED')::INTEGER AS red
       FROM (${CURRENT}) GROUP BY 1, 2 ORDER BY 1, 2`,
      [range.from, range.to],
    );
    return {
      range,
      rows: rows.map((r) => {
        const c = this.capacityOf(r.customsOffice, r.domain);
        const redRate = rate(r.red, r.items);
        return {
          ...r,
          yellowRate: rate(r.yellow, r.items),
          redRate,
          capacityYellow: c.yellow,
          capacityRed: c.red,
          redUtilisation: redRate === null ? null : rate(redRate, c.red),
        };
      }),
    };
  }

  /** Per selection cause: items sent to a check, those with a recorded outcome, and the share found non-compliant. */
  async hitRate(range: ReportRange): Promise<HitRateReport> {
    const rows = await this.db.query<{ selectionCause: 'RISK' | 'RULE' | 'RANDOM'; selected: number; inspected: number; nonCompliant: number }>(
      `SELECT selection_cause AS "selectionCause", count_if(lane <> 'GREEN')::INTEGER AS selected,
         count(outcome)::INTEGER AS inspected, count_if(non_compliant)::INTEGER AS "nonCompliant"
       FROM (${CURRENT}) GROUP BY 1 ORDER BY 1`,
      [range.from, range.to],
    );
    return { range, rows: rows.map((r) => ({ ...r, hitRate: rate(r.nonCompliant, r.inspected) })) };
  }

  /** Per day and model version: hit rate, mean score by outcome and ROC AUC (Mann–Whitney with tied ranks averaged). */
  async modelPerformance(range: ReportRange): Promise<ModelPerformanceReport> {
    const rows = await this.db.query<ModelPerformanceReport['rows'][number]>(
      `WITH j AS (SELECT day, model_version, score, non_compliant FROM (${CURRENT})),
       ranked AS (
         SELECT day, model_version, non_compliant,
           rank() OVER (PARTITION BY day, model_version ORDER BY score)
             + (count(*) OVER (PARTITION BY day, model_version, score) - 1) / 2.0 AS r
         FROM j WHERE non_compliant IS NOT NULL),
       auc AS (
         SELECT day, model_version,
           CASE WHEN count_if(non_compliant) > 0 AND count_if(NOT non_compliant) > 0 THEN
             (sum(r) FILTER (WHERE non_compliant) - count_if(non_compliant) * (count_if(non_compliant) + 1) / 2.0)
               / (count_if(non_compliant) * count_if(NOT non_compliant)) END AS auc
         FROM ranked GROUP BY 1, 2),
       per AS (
         SELECT day, model_version, count(*)::INTEGER AS items, count(non_compliant)::INTEGER AS inspected,
           count_if(non_compliant)::INTEGER AS "nonCompliant",
           avg(score) FILTER (WHERE NOT non_compliant)::DOUBLE AS "meanScoreCompliant",
           avg(score) FILTER (WHERE non_compliant)::DOUBLE AS "meanScoreNonCompliant"
         FROM j GROUP BY 1, 2)
       SELECT per.day::VARCHAR AS day, per.model_version AS "modelVersion", items, inspected, "nonCompliant",
         "meanScoreCompliant", "meanScoreNonCompliant", a.auc::DOUBLE AS auc
       FROM per LEFT JOIN auc a USING (day, model_version) ORDER BY per.day, per.model_version`,
      [range.from, range.to],
    );
    return { range, rows: rows.map((r) => ({ ...r, hitRate: rate(r.nonCompliant, r.inspected) })) };
  }

  /** Traders ranked by non-compliance found, then by mean score; names looked up for the few ranked only. */
  async riskiestTraders(range: ReportRange, limit: number): Promise<TraderRiskReport> {
    const rows = await this.db.query<Omit<TraderRiskReport['rows'][number], 'nonComplianceRate'>>(
      `WITH top AS (
         SELECT trader_tax_id AS "taxId", count_if(first_item)::INTEGER AS declarations, ${RISK_FIGURES}
         FROM (${CURRENT}) WHERE trader_tax_id IS NOT NULL
         GROUP BY 1 ORDER BY "nonCompliant" DESC, "meanScore" DESC, 1 LIMIT ?)
       SELECT top.*, coalesce(n.name, '') AS name FROM top
         LEFT JOIN (SELECT trader_tax_id, any_value(trader_name) AS name FROM declarations
                    WHERE trader_tax_id IN (SELECT "taxId" FROM top) GROUP BY 1) n ON n.trader_tax_id = top."taxId"
       ORDER BY "nonCompliant" DESC, "meanScore" DESC, "taxId"`,
      [range.from, range.to, limit],
    );
    return { range, rows: withRate(rows) };
  }

  /** GTİP codes ranked by non-compliance found, then by mean score; descriptions looked up for the few ranked only. */
  async riskiestProducts(range: ReportRange, limit: number): Promise<ProductRiskReport> {
    const rows = await this.db.query<Omit<ProductRiskReport['rows'][number], 'nonComplianceRate'>>(
      `WITH top AS (
         SELECT gtip, any_value(chapter) AS chapter, ${RISK_FIGURES}
         FROM (${CURRENT}) WHERE gtip IS NOT NULL
         GROUP BY 1 ORDER BY "nonCompliant" DESC, "meanScore" DESC, 1 LIMIT ?)
       SELECT top.*, coalesce(n.description, '') AS description FROM top
         LEFT JOIN (SELECT gtip, any_value(description) AS description FROM declaration_items
                    WHERE gtip IN (SELECT gtip FROM top) GROUP BY 1) n USING (gtip)
       ORDER BY "nonCompliant" DESC, "meanScore" DESC, gtip`,
      [range.from, range.to, limit],
    );
    return { range, rows: withRate(rows) };
  }

  async authorizations(range: ReportRange): Promise<AuthorizationReport> {
    const rows = await this.db.query<AuthorizationReport['rows'][number]>(
      `SELECT strftime(day, '%Y-%m-%d') AS day, status, count(*)::INTEGER AS count
       FROM authorizations WHERE day BETWEEN ?::DATE AND ?::DATE GROUP BY 1, 2 ORDER BY 1, 2`,
      [range.from, range.to],
    );
    const rejectionReasons = await this.db.query<AuthorizationReport['rejectionReasons'][number]>(
      `SELECT code, count(*)::INTEGER AS count
       FROM (SELECT unnest(string_split(reason_codes, ',')) AS code FROM authorizations
             WHERE status = 'REJECTED' AND day BETWEEN ?::DATE AND ?::DATE)
       WHERE code <> '' GROUP BY 1 ORDER BY 2 DESC, 1`,
      [range.from, range.to],
    );
    return { range, rows, rejectionReasons };
  }

  /** GTİP chapter × origin (heatmap) and per origin (world map), from one pass over the range. */
  async riskMap(range: ReportRange): Promise<RiskMapReport> {
    const figures = `count(*)::INTEGER AS items, avg(score)::DOUBLE AS "meanScore", count(outcome)::INTEGER AS inspected, count_if(non_compliant)::INTEGER AS "nonCompliant"`;
    const rows = await this.db.query<{ chapter: string | null; origin: string; items: number; meanScore: number; inspected: number; nonCompliant: number }>(
      `SELECT chapter, origin, ${figures} FROM (${CURRENT}) WHERE origin IS NOT NULL
       GROUP BY GROUPING SETS ((chapter, origin), (origin)) ORDER BY chapter NULLS LAST, origin`,
      [range.from, range.to],
    );
    const cells = withRate(rows.filter((r) => r.chapter !== null)).map((r) => ({ ...r, chapter: r.chapter! }));
    const byOrigin = withRate(rows.filter((r) => r.chapter === null)).map(({ chapter: _c, ...r }) => r);
    return { range, cells, byOrigin };
  }

  /**
   * The decided items behind one heatmap cell (chapter × origin) or one country (origin only), riskiest first, one
   * page at a time; trader names are looked up for the page only.
   */
  async riskMapItems(range: ReportRange, filter: RiskMapItemsFilter): Promise<RiskMapItemsReport> {
    const where = [`origin IS NOT NULL`];
    const values: SqlValue[] = [range.from, range.to];
    if (filter.chapter) {
      where.push('chapter = ?');
      values.push(filter.chapter);
    }
    if (filter.origin) {
      where.push('origin = ?');
      values.push(filter.origin);
    }
    const matching = `SELECT * FROM (${CURRENT}) WHERE ${where.join(' AND ')}`;
    const [counted] = await this.db.query<{ total: number }>(`SELECT count(*)::INTEGER AS total FROM (${matching})`, values);
    const rows = await this.db.query<RiskMapItemsReport['rows'][number]>(
      `WITH page AS (
         SELECT * FROM (${matching}) ORDER BY score DESC, decided_at DESC, declaration_id, item_no LIMIT ? OFFSET ?)
       SELECT p.declaration_id AS "declarationId", p.version, p.item_no AS "itemNo", p.gtip, p.origin,
         p.customs_office AS "customsOffice", p.trader_tax_id AS "traderTaxId", d.trader_name AS "traderName", p.score, p.lane,
         p.selection_cause AS "selectionCause", p.outcome, strftime(p.decided_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS "decidedAt"
       FROM page p LEFT JOIN declarations d USING (declaration_id, version)
       ORDER BY p.score DESC, p.decided_at DESC, p.declaration_id, p.item_no`,
      [...values, filter.limit, filter.offset],
    );
    return { range, chapter: filter.chapter ?? null, origin: filter.origin ?? null, total: counted?.total ?? 0, limit: filter.limit, offset: filter.offset, rows };
  }
}

export interface RiskMapItemsFilter {
  /** GTİP chapter (two digits); every chapter when left out. */
  readonly chapter?: string;
  /** Origin country (ISO alpha-2); every origin when left out. */
  readonly origin?: string;
  readonly limit: number;
  readonly offset: number;
}
