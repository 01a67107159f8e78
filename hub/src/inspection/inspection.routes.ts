import type { FastifyPluginAsync } from 'fastify';
import {
  ApiError, INSPECTION_ERROR_CODES as E, InspectionDeclarationParams, InspectionPageParams, InspectionPageQuery, InspectionView,
  InspectionWorkList, InspectionWorkListQuery, coercingAjv,
  type InspectionDeclarationParams as DeclarationParams, type InspectionPageParams as PageParams, type InspectionPageQuery as PageQuery,
  type InspectionWorkListQuery as WorkListQuery,
} from '@tareks/schemas';
import { requireRole, type Authenticator } from '../auth/principal.js';
import { InspectionError, replyWithInspectionErrors } from './inspection.errors.js';
import type { InspectionService } from './inspection.service.js';
import type { WorkListSource } from './inspection.worklist.js';

export interface InspectionRoutesOptions {
  /** The hub's authenticator (session cookie, then API key); every route needs inspector or admin. */
  readonly authenticate: Authenticator;
  readonly inspection: InspectionService;
  /** The work list; null in a process that does not run the warehouse (the list answers 503 there). */
  readonly worklist: WorkListSource | null;
}

/** Page images are addressed by content (sha256) and rendered the same way every time. */
const PAGE_CACHE = 'private, max-age=86400, immutable';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 422: ApiError, 503: ApiError };

/** `/v1/inspection/…`: the inspector screen's work list, declaration view and page images. */
export const inspectionRoutes: FastifyPluginAsync<InspectionRoutesOptions> = async (app, o) => {
  app.setValidatorCompiler(({ schema }) => coercingAjv.compile(schema));
  replyWithInspectionErrors(app);
  app.addHook('onRequest', requireRole(o.authenticate, 'inspector', 'admin'));
  const tags = ['inspection'];

  app.get<{ Querystring: WorkListQuery }>(
    '/v1/inspection/items',
    {
      schema: {
        tags, summary: 'Items routed to inspection (YELLOW/RED) with no outcome yet, newest first / Denetim bekleyen kalemler',
        querystring: InspectionWorkListQuery, response: { 200: InspectionWorkList, ...errors },
      },
    },
    async (req, reply) => {
      if (!o.worklist) throw new InspectionError(E.worklistUnavailable, 'the work list is served where the warehouse role runs', 503);
      return reply.header('cache-control', 'no-store').send(await o.worklist.list(req.query));
    },
  );

  app.get<{ Params: DeclarationParams }>(
    '/v1/inspection/declarations/:id/versions/:version',
    {
      schema: {
        tags, summary: 'A declaration for inspection: items, decision and reasons, documents with what OCR read, item ↔ invoice matching',
        params: InspectionDeclarationParams, response: { 200: InspectionView, ...errors },
      },
    },
    async (req, reply) => {
      const view = await o.inspection.view(req.params.id, req.params.version, req.principal!);
      req.log.info({ declarationId: req.params.id, version: req.params.version, user: req.principal!.id }, 'declaration opened for inspection');
      return reply.header('cache-control', 'no-store').send(view);
    },
  );

  app.get<{ Params: PageParams; Querystring: PageQuery }>(
    '/v1/inspection/documents/:sha256/pages/:page',
    {
      schema: {
        tags, summary: 'One page of a document attached to the declaration, as PNG',
        params: InspectionPageParams, querystring: InspectionPageQuery,
        response: { 200: { content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } }, ...errors },
      },
    },
    async (req, reply) => {
      const pageNo = Number.parseInt(req.params.page, 10);
      const png = await o.inspection.page(req.params.sha256, pageNo, req.query.declarationId, req.query.version, req.principal!);
      return reply
        .type('image/png')
        .header('cache-control', PAGE_CACHE)
        .header('x-content-type-options', 'nosniff')
        .send(png);
    },
  );
};
