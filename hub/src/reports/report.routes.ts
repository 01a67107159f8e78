import type { FastifyPluginAsync, FastifyReply } from 'fastify';
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

/** Column order of each CSV: the properties of the row schema. */
const columnsOf = (row: { properties: Record<string, unknown> }): string[] => Object.keys(row.properties);

async function send(reply: FastifyReply, format: Query['format'], name: string, range: ReportRange, report: object, rows: Array<Record<string, unknown>>, columns: string[]) {
  if (format !== 'csv') return reply.header('cache-control', 'no-store').send(report);
  return reply
    .type('text/csv')
    .header('content-disposition', `attachment; filename="${name}_${range.from}_${range.to}.csv"`)
    .header('cache-control', 'no-store')
    .send(toCsv(rows, columns));
}

/** `/v1/reports/*`: the BI reports (analysts, admins) and the risk map (also inspectors) over the warehouse; JSON or CSV. */
export const reportRoutes: FastifyPluginAsync<ReportRoutesOptions> = async (app, o) => {
  replyWithCodedErrors(app);
  const preHandler = requireRole(o.authenticate, ...(o.roles ?? ['analyst', 'admin']));
  const mapPreHandler = requireRole(o.authenticate, ...(o.riskMapRoles ?? ['analyst', 'inspector', 'admin']));
  const r = o.reports;
  const tags = ['reports'];

  app.get<{ Querystring: Query & { by?: Dimension } }>(
    '/v1/reports/volumes',
    { preHandler, schema: { tags, summary: 'Volumes by lane, office, domain or day / Hacimler', querystring: VolumeQuery, response: answers(VolumeReport) } },
    async (req, reply) => {
      const range = resolveRange(req.query);
      const report = await r.volumes(range, req.query.by ?? 'day');
      return send(reply, req.query.format, `volumes_${report.by}`, range, report, report.rows, columnsOf(VolumeRow));
    },
  );

  app.get<{ Querystring: Query }>(
    '/v1/reports/inspection-rate',
    { preHandler, schema: { tags, summary: 'Inspection rate against capacity / Kapasiteye göre denetim oranı', querystring: ReportQuery, response: answers(InspectionRateReport) } },
    async (req, reply) => {
      const range = resolveRange(req.query);
      const report = await r.inspectionRate(range);
      return send(reply, req.query.format, 'inspection-rate', range, report, report.rows, columnsOf(InspectionRateRow));
    },
  );

  app.get<{ Querystring: Query }>(
    '/v1/reports/hit-rate',
    { preHandler, schema: { tags, summary: 'Hit rate by selection cause / Seçim nedenine göre isabet oranı', querystring: ReportQuery, response: answers(HitRateReport) } },
    async (req, reply) => {
      const range = resolveRange(req.query);
      const report = await r.hitRate(range);
      return send(reply, req.query.format, 'hit-rate', range, report, report.rows, columnsOf(HitRateRow));
    },
  );

  app.get<{ Querystring: Query }>(
    '/v1/reports/model-performance',
    { preHandler, schema: { tags, summary: 'Model performance over time / Zaman içinde model başarımı', querystring: ReportQuery, response: answers(ModelPerformanceReport) } },
    async (req, reply) => {
      const range = resolveRange(req.query);
      const report = await r.modelPerformance(range);
      return send(reply, req.query.format, 'model-performance', range, report, report.rows, columnsOf(ModelPerformanceRow));
    },
  );

  app.get<{ Querystring: Top }>(
    '/v1/reports/traders',
    { preHandler, schema: { tags, summary: 'Riskiest traders / En riskli firmalar', querystring: TopQuery, response: answers(TraderRiskReport) } },
    async (req, reply) => {
      const range = resolveRange(req.query);
      const report = await r.riskiestTraders(range, req.query.limit ?? 20);
      return send(reply, req.query.format, 'traders', range, report, report.rows, columnsOf(TraderRiskRow));
    },
  );

  app.get<{ Querystring: Top }>(
    '/v1/reports/products',
    { preHandler, schema: { tags, summary: 'Riskiest products (GTİP) / En riskli ürünler', querystring: TopQuery, response: answers(ProductRiskReport) } },
    async (req, reply) => {
      const range = resolveRange(req.query);
      const report = await r.riskiestProducts(range, req.query.limit ?? 20);
      return send(reply, req.query.format, 'products', range, report, report.rows, columnsOf(ProductRiskRow));
    },
  );

  app.get<{ Querystring: Query }>(
    '/v1/reports/authorizations',
    { preHandler, schema: { tags, summary: 'Authorization statistics / Yetkilendirme istatistikleri', querystring: ReportQuery, response: answers(AuthorizationReport) } },
    async (req, reply) => {
      const range = resolveRange(req.query);
      const report = await r.authorizations(range);
      return send(reply, req.query.format, 'authorizations', range, report, report.rows, columnsOf(AuthorizationDayRow));
    },
  );

  app.get<{ Querystring: Query }>(
    '/v1/reports/risk-map',
    { preHandler: mapPreHandler, schema: { tags, summary: 'Risk map: GTİP chapter × origin / Risk haritası', querystring: ReportQuery, response: answers(RiskMapReport) } },
    async (req, reply) => {
      const range = resolveRange(req.query);
      const report = await r.riskMap(range);
      return send(reply, req.query.format, 'risk-map', range, report, report.cells, columnsOf(RiskMapCell));
    },
  );

  app.get<{ Querystring: ItemsQuery }>(
    '/v1/reports/risk-map/items',
    {
      preHandler: mapPreHandler,
      schema: { tags, summary: 'Items of a risk map cell or country, riskiest first / Risk haritası kalemleri', querystring: RiskMapItemsQuery, response: answers(RiskMapItemsReport) },
    },
    async (req, reply) => {
      const q = req.query;
      const range = resolveRange(q);
      const report = await r.riskMapItems(range, {
        ...(q.chapter ? { chapter: q.chapter } : {}),
        ...(q.origin ? { origin: q.origin } : {}),
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      });
      return send(reply, q.format, `risk-map-items_${q.chapter ?? 'all'}_${q.origin ?? 'all'}`, range, report, report.rows, columnsOf(RiskMapItemRow));
    },
  );
};
