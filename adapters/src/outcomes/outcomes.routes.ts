import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ApiError, AUTH_ERROR_CODES, InspectionOutcome, OutcomeReceipt, ajv, coercingAjv } from '@tareks/schemas';
import { API_KEY_HEADER } from '../auth/api-key.js';
import { IngestError } from '../ingest/ingest-error.js';
import type { IngestMetrics } from '../ingest/ingest-service.js';
import { restErrorHandler } from '../rest/rest-errors.js';
import type { OutcomeCaller, OutcomeService } from './outcome-service.js';

export interface OutcomeRoutesOptions {
  readonly service: OutcomeService;
  /** Resolves the caller (session cookie or API key); inspectors and admins may record outcomes. */
  authenticate(request: FastifyRequest): Promise<OutcomeCaller | null>;
  readonly metrics: IngestMetrics;
}

const RECORDING_ROLES = ['inspector', 'admin'];

/**
 * A refusal raised while authenticating (e.g. a session mutation without its CSRF token) keeps its own stable code
 * and client status instead of becoming a generic HUB_ERR_FORMAT; anything else goes on as it was.
 */
function codedAuthError(err: unknown): unknown {
  const e = err as { code?: unknown; statusCode?: unknown; message?: unknown } | null;
  if (e && typeof e.code === 'string' && e.code.startsWith('HUB_ERR_') && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new IngestError(e.code, String(e.message), e.statusCode, [], { cause: err });
  }
  return err;
}

/** `POST /v1/outcomes`: an inspection result per item, the input of the learning loop. */
export const outcomeRoutes: FastifyPluginAsync<OutcomeRoutesOptions> = async (app, o) => {
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? ajv : coercingAjv).compile(schema));
  app.setErrorHandler(restErrorHandler(o.metrics));

  app.post(
    '/v1/outcomes',
    {
      schema: {
        summary: 'Record the inspection result of one item (idempotent on declaration id + version + item no)',
        tags: ['outcomes'],
        headers: Type.Object({ [API_KEY_HEADER]: Type.Optional(Type.String({ description: 'API key with scope outcomes:write' })) }),
        body: InspectionOutcome,
        response: { 200: OutcomeReceipt, 202: OutcomeReceipt, '4xx': ApiError, '5xx': ApiError },
      },
      // Before the body is read: an unauthenticated caller learns nothing about the route.
      onRequest: async (request) => {
        const caller = await o.authenticate(request).catch((err: unknown) => {
          throw codedAuthError(err);
        });
        if (!caller) throw new IngestError(AUTH_ERROR_CODES.missingKey, 'sign in or present an API key', 401);
        if (!caller.roles.some((r) => RECORDING_ROLES.includes(r))) throw new IngestError(AUTH_ERROR_CODES.scope, 'requires role inspector', 403);
        request.outcomeCaller = caller;
      },
    },
    async (request, reply) => {
      const outcome = request.body as InspectionOutcome;
      const receipt = await o.service.record(outcome, request.outcomeCaller!);
      request.log.info({ declarationId: outcome.declarationId, version: outcome.version, itemNo: outcome.itemNo, duplicate: receipt.duplicate }, 'outcome recorded');
      return reply.status(receipt.duplicate ? 200 : 202).send(receipt);
    },
  );
};

declare module 'fastify' {
  interface FastifyRequest {
    outcomeCaller?: OutcomeCaller;
  }
}
