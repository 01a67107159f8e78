import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ApiError, DeclarationId, DeclarationTimeline, INPUT_ERROR_CODES, SERVICE_ERROR_CODES, toErrorDetails, type ApiError as ApiErrorBody } from '@tareks/schemas';
import type { IngestMetrics } from '@tareks/adapters';
import { requireRole, type Authenticator, type Role } from '../auth/principal.js';
import { TimelineError } from './timeline-error.js';
import type { TimelineReader } from './timeline.reader.js';

export interface TimelineRoutesOptions {
  readonly reader: TimelineReader;
  /** The hub's authenticator (session cookie, then API key). */
  readonly authenticate: Authenticator;
  /** Counts refused requests by code. */
  readonly metrics: IngestMetrics;
  /** Roles that may read a timeline. Default every dashboard role. */
  readonly roles?: readonly Role[];
}

/** `GET /v1/timeline/{id}`: a declaration's stage events merged with its state and decision of record. */
export const timelineRoutes: FastifyPluginAsync<TimelineRoutesOptions> = async (app, o) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    let status: number;
    let body: ApiErrorBody;
    if (err instanceof TimelineError) {
      status = err.httpStatus;
      body = { error: { code: err.code, message: err.message } };
    } else if (err.validation) {
      const details = toErrorDetails(err.validation as never);
      const first = details[0];
      status = 400;
      body = { error: { code: first?.code ?? INPUT_ERROR_CODES.format, message: first ? `${first.pointer}: ${first.message}` : err.message, details } };
    } else {
      request.log.error({ err }, 'timeline request failed');
      status = 500;
      body = { error: { code: SERVICE_ERROR_CODES.internal, message: 'internal error' } };
    }
    if (status < 500) o.metrics.rejected('REST', body.error.code);
    return reply.status(status).send(body);
  });

  app.get(
    '/v1/timeline/:id',
    {
      onRequest: requireRole(o.authenticate, ...(o.roles ?? ['operator', 'inspector', 'analyst', 'admin'])),
      schema: {
        summary: 'Timeline of a declaration: received, enriched, OCR, scored, decided, callbacks, dead letters, replays, outcomes / Beyanname zaman çizelgesi',
        tags: ['declarations'],
        params: Type.Object({ id: DeclarationId }, { additionalProperties: false }),
        response: { 200: DeclarationTimeline, '4xx': ApiError, '5xx': ApiError },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const timeline = await o.reader.read(id);
      return reply.header('cache-control', 'no-store').send(timeline);
    },
  );
};
