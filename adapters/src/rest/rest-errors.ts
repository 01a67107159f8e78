import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { INPUT_ERROR_CODES, SERVICE_ERROR_CODES, toErrorDetails, type ApiError, type ErrorDetail } from '@tareks/schemas';
import { IngestError } from '../ingest/ingest-error.js';
import type { IngestMetrics } from '../ingest/ingest-service.js';

/** Fastify's own error codes for bodies it could not read, mapped to ours. */
const FASTIFY_CODES: Record<string, { code: string; status: number }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: INPUT_ERROR_CODES.malformedJson, status: 400 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: INPUT_ERROR_CODES.malformedJson, status: 400 },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: INPUT_ERROR_CODES.bodyTooLarge, status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: INPUT_ERROR_CODES.unsupportedMedia, status: 415 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: INPUT_ERROR_CODES.bodyTooLarge, status: 400 },
};

export function validationError(details: ErrorDetail[]): IngestError {
  const first = details[0];
  const message = first ? `${first.pointer || '/'}: ${first.message}` : 'invalid input';
  return new IngestError(first?.code ?? INPUT_ERROR_CODES.format, message, 400, details);
}

/** Every REST error leaves as `ApiError` with a stable code; rejections of input are counted by code. */
export function restErrorHandler(metrics: IngestMetrics) {
  return (err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    let e: IngestError;
    if (err instanceof IngestError) e = err;
    else if (err.validation) e = validationError(toErrorDetails(err.validation as never));
    else if (err.code && FASTIFY_CODES[err.code]) e = new IngestError(FASTIFY_CODES[err.code]!.code, err.message, FASTIFY_CODES[err.code]!.status);
    else if (err.statusCode === 429) e = new IngestError('HUB_ERR_RATE_LIMITED', err.message, 429);
    else if (err.statusCode && err.statusCode < 500) e = new IngestError(INPUT_ERROR_CODES.format, err.message, err.statusCode);
    else {
      request.log.error({ err }, 'request failed');
      e = new IngestError(SERVICE_ERROR_CODES.internal, 'internal error', 500);
    }
    if (e.httpStatus < 500 || e.httpStatus === 503) metrics.rejected('REST', e.code);
    if (e.retryAfterSeconds !== undefined) void reply.header('retry-after', String(e.retryAfterSeconds));
    const body: ApiError = { error: { code: e.code, message: e.message, ...(e.details.length ? { details: [...e.details] } : {}) } };
    return reply.status(e.httpStatus).send(body);
  };
}
