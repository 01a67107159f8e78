import type { FastifyPluginAsync, preHandlerHookHandler } from 'fastify';
import { Type, type TSchema } from 'typebox';
import {
  ApiError, AuthorizationDayRow, AuthorizationReport, HitRateReport, HitRateRow, InspectionRateReport, InspectionRateRow, ModelPerformanceReport,
  ModelPerformanceRow, ProductRiskReport, ProductRiskRow, ReportQuery, RiskMapCell, RiskMapItemRow, RiskMapItemsQuery, RiskMapItemsReport, RiskMapReport,
  TopQuery, TraderRiskReport, TraderRiskRow, VolumeDimension, VolumeReport, VolumeRow, type ReportQuery as Query, type ReportRange,
  type RiskMapItemsQuery as ItemsQuery, type TopQuery as Top, type VolumeDimension as Dimension,
} from '@tareks/schemas';
import { requireRole, type Authenticator, type Role } from '../auth/principal.js';
import { replyWithCodedErrors } from '../session/error-reply.js';
import { toCsv } from './report-csv.js';
import { resolveRange } from './report-range.js';
import type { ReportQueries } from './report.queries.js';

export interface ReportRoutesOptions {
  readonly reports: ReportQueries;
  /** The hub's authenticator (session cookie, then API key). */
  readonly authenticate: Authenticator;
  /** Roles that may read reports. Default analyst and admin. */
  readonly roles?: readonly Role[];
  /** Roles that may read the risk map and its items (inspectors pick what to look at next). Default analyst, inspector and admin. */
  readonly riskMapRoles?: readonly Role[];
}

const VolumeQuery = Type.Object({ ...ReportQuery.properties, by: Type.Optional(VolumeDimension) }, { additionalProperties: false });

/** 200 as JSON (the report) or, with `format=csv`, as CSV of its main table. */
const answers = (json: TSchema) => ({
  200: { content: { 'application/json': { schema: json }, 'text/csv': { schema: Type.String({ description: 'CSV with header row (UTF-8 with BOM)' }) } } },
  400: ApiError,
  401: ApiError,
  403: ApiError,
});

/** What one report route needs: its schemas and how to run it; `run` gives the report, its CSV rows and the CSV name. */
interface ReportRoute<Q extends Query> {
  readonly path: string;
  readonly summary: string;
  readonly querystring: TSchema;
  readonly response: TSchema;
  /** The row schema of the CSV (its properties are the columns, in order). */
  readonly row: { properties: Record<string, unknown> };
  readonly preHandler: preHandlerHookHandler;
  run(query: Q, range: ReportRange): Promise<{ readonly report: object; readonly rows: ReadonlyArray<object>; readonly name: string }>;
}

/** `/v1/reports/*`: the BI reports (analysts, admins) and the risk map (also inspectors) over the warehouse; JSON or CSV. */
export const reportRoutes: FastifyPluginAsync<ReportRoutesOptions> = async (app, o) => {
  replyWithCodedErrors(app);
  const preHandler = requireRole(o.authenticate, ...(o.roles ?? ['analyst', 'admin']));
  const mapPreHandler = requireRole(o.authenticate, ...(o.riskMapRoles ?? ['analyst', 'inspector', 'admin']));
  const r = o.reports;

  const route = <Q extends Query>(spec: ReportRoute<Q>): void => {
    app.get<{ Querystring: Q }>(
      spec.path,
      { preHandler: spec.preHandler, schema: { tags: ['reports'], summary: spec.summary, querystring: spec.querystring, response: answers(spec.response) } },
      async (req, reply) => {
        const query = req.query as Q;
        const range = resolveRange(query);
        const { report, rows, name } = await spec.run(query, range);
        if (query.format !== 'csv') return reply.header('cache-control', 'no-store').send(report);
        return reply
          .type('text/csv')
          .header('content-disposition', `attachment; filename="${name}_${range.from}_${range.to}.csv"`)
          .header('cache-control', 'no-store')
          .send(toCsv(rows as Array<Record<string, unknown>>, Object.keys(spec.row.properties)));
      },
    );
  };

  route<Query & { by?: Dimension }>({
    path: '/v1/reports/volumes', summary: 'Volumes by lane, office, domain or day / Hacimler', querystring: VolumeQuery, response: VolumeReport, row: VolumeRow, preHandler,
    run: async (q, range) => {
      const report = await r.volumes(range, q.by ?? 'day');
      return { report, rows: report.rows, name: `volumes_${report.by}` };
    },
  });
  route<Query>({
    path: '/v1/reports/inspection-rate', summary: 'Inspection rate against capacity / Kapasiteye göre denetim oranı',
    querystring: ReportQuery, response: InspectionRateReport, row: InspectionRateRow, preHandler,
    run: async (_q, range) => {
      const report = await r.inspectionRate(range);
      return { report, rows: report.rows, name: 'inspection-rate' };
    },
  });
  route<Query>({
    path: '/v1/reports/hit-rate', summary: 'Hit rate by selection cause / Seçim nedenine göre isabet oranı',
    querystring: ReportQuery, response: HitRateReport, row: HitRateRow, preHandler,
    run: async (_q, range) => {
      const report = await r.hitRate(range);
      return { report, rows: report.rows, name: 'hit-rate' };
    },
  });
  route<Query>({
    path: '/v1/reports/model-performance', summary: 'Model performance over time / Zaman içinde model başarımı',
    querystring: ReportQuery, response: ModelPerformanceReport, row: ModelPerformanceRow, preHandler,
    run: async (_q, range) => {
      const report = await r.modelPerformance(range);
      return { report, rows: report.rows, name: 'model-performance' };
    },
  });
  route<Top>({
    path: '/v1/reports/traders', summary: 'Riskiest traders / En riskli firmalar', querystring: TopQuery, response: TraderRiskReport, row: TraderRiskRow, preHandler,
    run: async (q, range) => {
      const report = await r.riskiestTraders(range, q.limit ?? 20);
      return { report, rows: report.rows, name: 'traders' };
    },
  });
  route<Top>({
    path: '/v1/reports/products', summary: 'Riskiest products (GTİP) / En riskli ürünler', querystring: TopQuery, response: ProductRiskReport, row: ProductRiskRow, preHandler,
    run: async (q, range) => {
      const report = await r.riskiestProducts(range, q.limit ?? 20);
      return { report, rows: report.rows, name: 'products' };
    },
  });
  route<Query>({
    path: '/v1/reports/authorizations', summary: 'Authorization statistics / Yetkilendirme istatistikleri',
    querystring: ReportQuery, response: AuthorizationReport, row: AuthorizationDayRow, preHandler,
    run: async (_q, range) => {
      const report = await r.authorizations(range);
      return { report, rows: report.rows, name: 'authorizations' };
    },
  });
  route<Query>({
    path: '/v1/reports/risk-map', summary: 'Risk map: GTİP chapter × origin / Risk haritası',
    querystring: ReportQuery, response: RiskMapReport, row: RiskMapCell, preHandler: mapPreHandler,
    run: async (_q, range) => {
      const report = await r.riskMap(range);
      return { report, rows: report.cells, name: 'risk-map' };
    },
  });
  route<ItemsQuery>({
    path: '/v1/reports/risk-map/items', summary: 'Items of a risk map cell or country, riskiest first / Risk haritası kalemleri',
    querystring: RiskMapItemsQuery, response: RiskMapItemsReport, row: RiskMapItemRow, preHandler: mapPreHandler,
    run: async (q, range) => {
      const report = await r.riskMapItems(range, {
        ...(q.chapter ? { chapter: q.chapter } : {}),
        ...(q.origin ? { origin: q.origin } : {}),
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
      return { report, rows: report.rows, name: `risk-map-items_${q.chapter ?? 'all'}_${q.origin ?? 'all'}` };
    },
  });
};
