import type { FastifyError, FastifyInstance } from 'fastify';
import type { INSPECTION_ERROR_CODES } from '@tareks/schemas';
import { PageRenderError } from '../documents/page-renderer.js';

export type InspectionErrorCode = (typeof INSPECTION_ERROR_CODES)[keyof typeof INSPECTION_ERROR_CODES];

export class InspectionError extends Error {
  override readonly name = 'InspectionError';
  constructor(
    readonly code: InspectionErrorCode,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
  }
}

/**
 * `{ error: { code, message } }` for every failure of the inspection routes: our coded errors with their status
 * (503 busy with Retry-After), schema violations as 400 HUB_ERR_VALIDATION, anything unexpected a 500 without internals.
 */
export function replyWithInspectionErrors(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err.validation) return reply.status(400).send({ error: { code: 'HUB_ERR_VALIDATION', message: err.message } });
    if (err instanceof InspectionError || err instanceof PageRenderError) {
      const status = err instanceof InspectionError ? err.statusCode : err.status;
      if (status === 503) void reply.header('retry-after', '2');
      if (status >= 500) request.log.warn({ err }, 'inspection request refused');
      return reply.status(status).send({ error: { code: err.code, message: err.message } });
    }
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err }, 'inspection request failed');
      return reply.status(500).send({ error: { code: 'HUB_ERR_INTERNAL', message: 'internal error' } });
    }
    const code = err.code?.startsWith('HUB_ERR_') ? err.code : 'HUB_ERR_BAD_REQUEST';
    return reply.status(status).send({ error: { code, message: err.message } });
  });
}
