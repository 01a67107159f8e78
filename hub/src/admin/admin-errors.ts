import type { FastifyError, FastifyInstance } from 'fastify';
import { INPUT_ERROR_CODES, SERVICE_ERROR_CODES, toErrorDetails, type ApiError } from '@tareks/schemas';
import { IngestError } from '@tareks/adapters';
import { ReplayError } from '../deadletters/replay-error.js';

export const ADMIN_ERROR_CODES = {
  clientExists: 'HUB_ERR_CLIENT_EXISTS',
  clientNotFound: 'HUB_ERR_CLIENT_NOT_FOUND',
} as const;

/** Every admin error leaves as `ApiError` with a stable code (ReplayError and IngestError carry status, code and details). */
export function useAdminErrors(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    let status: number;
    let body: ApiError;
    if (err instanceof ReplayError || err instanceof IngestError) {
      status = err.httpStatus;
      body = { error: { code: err.code, message: err.message, ...(err.details.length ? { details: [...err.details] } : {}) } };
    } else if (err.validation) {
      const details = toErrorDetails(err.validation as never);
      status = 400;
      body = { error: { code: details[0]?.code ?? INPUT_ERROR_CODES.format, message: err.message, details } };
    } else if (err.statusCode && err.statusCode < 500) {
      status = err.statusCode;
      body = { error: { code: status === 429 ? 'HUB_ERR_RATE_LIMITED' : INPUT_ERROR_CODES.format, message: err.message } };
    } else {
      request.log.error({ err }, 'admin request failed');
      status = 500;
      body = { error: { code: SERVICE_ERROR_CODES.internal, message: 'internal error' } };
    }
    return reply.status(status).send(body);
  });
}
