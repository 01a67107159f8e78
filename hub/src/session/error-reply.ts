import type { FastifyError, FastifyInstance } from 'fastify';
import { AUTH_ERROR_CODES, INPUT_ERROR_CODES } from '@tareks/schemas';

/** Fastify's own client errors mapped to our stable codes. */
const BY_STATUS: Record<number, string> = {
  413: INPUT_ERROR_CODES.bodyTooLarge,
  415: INPUT_ERROR_CODES.unsupportedMedia,
  429: AUTH_ERROR_CODES.rateLimited,
};

/**
 * Errors answer as `{ error: { code, message } }`: our coded errors (SessionError, UserError…) with their own code and
 * status, schema violations as 400 HUB_ERR_VALIDATION, other client errors by status, anything else a 500 without internals.
 */
export function replyWithCodedErrors(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { retryAfterSec?: number }, request, reply) => {
    if (err.validation) return reply.status(400).send({ error: { code: 'HUB_ERR_VALIDATION', message: err.message } });
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err }, 'request failed');
      return reply.status(500).send({ error: { code: 'HUB_ERR_INTERNAL', message: 'internal error' } });
    }
    if (err.retryAfterSec) void reply.header('retry-after', String(err.retryAfterSec));
    const code = err.code?.startsWith('HUB_ERR_') ? err.code : (BY_STATUS[status] ?? 'HUB_ERR_BAD_REQUEST');
    return reply.status(status).send({ error: { code, message: err.message } });
  });
}
