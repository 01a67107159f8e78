import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import {
  ApiError, DecidedSubmission, Declaration, DeclarationId, DeclarationState, Receipt, SERVICE_ERROR_CODES,
  ajv, coercingAjv, semanticErrors,
} from '@tareks/schemas';
import { API_KEY_HEADER, requireScope } from '../auth/api-key.js';
import { useStrictJson } from './strict-json.js';
import type { ApiKeyVerifier } from '../auth/api-client.js';
import { IngestError } from '../ingest/ingest-error.js';
import type { IngestMetrics, IngestService } from '../ingest/ingest-service.js';
import { restErrorHandler, validationError } from './rest-errors.js';

export interface DeclarationRoutesOptions {
  readonly ingest: IngestService;
  readonly verifier: ApiKeyVerifier;
  readonly metrics: IngestMetrics;
  /** Longest `?wait=` honoured, in ms. */
  readonly maxWaitMs: number;
}

const ApiKeyHeader = Type.Object({ [API_KEY_HEADER]: Type.Optional(Type.String({ description: 'API key of the customs client' })) });

/** REST ingest of customs declarations: `POST /v1/declarations`, `GET /v1/declarations/{id}`. */
export const declarationRoutes: FastifyPluginAsync<DeclarationRoutesOptions> = async (app, opts) => {
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? ajv : coercingAjv).compile(schema));
  app.setErrorHandler(restErrorHandler(opts.metrics));
  useStrictJson(app);

  app.post(
    '/v1/declarations',
    {
      onRequest: requireScope(opts.verifier, 'declarations:write'),
      schema: {
        summary: 'Submit a declaration (idempotent on id + version)',
        tags: ['declarations'],
        headers: ApiKeyHeader,
        querystring: Type.Object(
          { wait: Type.Optional(Type.Integer({ minimum: 0, maximum: 60_000, description: 'Wait up to this many ms for the decision' })) },
          { additionalProperties: false },
        ),
        body: Declaration,
        response: { 200: DecidedSubmission, 202: Receipt, '4xx': ApiError, '5xx': ApiError },
      },
    },
    async (request, reply) => {
      const client = request.apiClient!;
      const declaration = request.body as Declaration;
      const semantic = semanticErrors(declaration);
      if (semantic.length) throw validationError(semantic);
      const wait = Math.min((request.query as { wait?: number }).wait ?? 0, opts.maxWaitMs);
      const result = await opts.ingest.submit(declaration, { clientId: client.clientId, protocol: 'REST' }, wait);
      request.log.info({ declarationId: declaration.id, version: declaration.version, duplicate: result.receipt.duplicate }, 'declaration received');
      if (result.decision) return reply.status(200).send({ receipt: result.receipt, decision: result.decision });
      return reply.status(202).header('location', result.receipt.statusUrl).send(result.receipt);
    },
  );

  app.get(
    '/v1/declarations/:id',
    {
      onRequest: requireScope(opts.verifier, 'declarations:read'),
      schema: {
        summary: 'Status and decision of the latest version of a declaration',
        tags: ['declarations'],
        headers: ApiKeyHeader,
        params: Type.Object({ id: DeclarationId }),
        response: { 200: DeclarationState, '4xx': ApiError, '5xx': ApiError },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const state = await opts.ingest.status(id);
      if (!state) throw new IngestError(SERVICE_ERROR_CODES.notFound, `declaration ${id} not found`, 404);
      return state;
    },
  );
};

