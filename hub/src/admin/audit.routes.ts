import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ApiError, AuditPage, AuditQuery, type AuditQuery as Query } from '@tareks/schemas';
import { auditToCsv } from '../audit/audit.csv.js';
import type { AuditLog } from '../audit/audit.log.js';
import { actorOf } from './actor.js';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError };
const tags = ['admin: audit'];
const { limit: _limit, cursor: _cursor, ...exportFilter } = AuditQuery.properties;
const ExportQuery = Type.Object({ ...exportFilter, format: Type.Optional(Type.Enum(['csv', 'json'], { default: 'csv' })) }, { additionalProperties: false });

/** Query the audit trail and export it (CSV or JSON); an export is itself audited. */
export const auditRoutes: FastifyPluginAsync<{ audit: AuditLog }> = async (app, { audit }) => {
  app.get<{ Querystring: Query }>(
    '/audit',
    { schema: { tags, summary: 'Audit records by actor, action and time / Denetim kayıtları', querystring: AuditQuery, response: { 200: AuditPage, ...errors } } },
    async (req) => audit.query(req.query),
  );

  app.get<{ Querystring: Omit<Query, 'limit' | 'cursor'> & { format?: 'csv' | 'json' } }>(
    '/audit/export',
    { schema: { tags, summary: 'Export audit records as CSV or JSON / Dışa aktar', querystring: ExportQuery } },
    async (req, reply) => {
      const { format = 'csv', ...filter } = req.query;
      const records = await audit.all(filter);
      await audit.record({ actor: actorOf(req), action: 'audit.export', target: 'audit', result: 'OK', details: { format, records: records.length, ...filter } });
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      void reply.header('content-disposition', `attachment; filename="tareks-audit-${stamp}.${format}"`);
      if (format === 'json') return reply.type('application/json').send(JSON.stringify(records));
      return reply.type('text/csv; charset=utf-8').send(auditToCsv(records));
    },
  );
};
