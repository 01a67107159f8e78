import type { FastifyPluginAsync } from 'fastify';
import fastJson, { type Schema } from 'fast-json-stringify';
import { Type } from 'typebox';
import { ApiError, AuthorizationRecord, AuthorizationRequest, ajv, coercingAjv } from '@tareks/schemas';
import type { ApiKeyVerifier } from '../auth/api-client.js';
import { API_KEY_HEADER, authorize } from '../auth/api-key.js';
import type { IngestMetrics } from '../ingest/ingest-service.js';
import { restErrorHandler } from '../rest/rest-errors.js';
import { useStrictJson } from '../rest/strict-json.js';
import { authorizationNotFound } from './authorization-errors.js';
import type { AuthorizationService } from './authorization-service.js';

/** Header carrying the applicant's detached compact JWS (`<header>..<signature>`) over the canonical JSON body. */
export const JWS_SIGNATURE_HEADER = 'x-jws-signature';

/** A JWS with a qualified certificate chain in `x5c` is a few KB; this bounds what we read. */
const JWS_MAX_LENGTH = 16_384;

export interface AuthorizationRoutesOptions {
  readonly service: AuthorizationService;
  readonly verifier: ApiKeyVerifier;
  readonly metrics: IngestMetrics;
}

const Headers = Type.Object({
  [API_KEY_HEADER]: Type.Optional(Type.String({ description: 'API key of the relaying client' })),
  [JWS_SIGNATURE_HEADER]: Type.Optional(
    Type.String({
      maxLength: JWS_MAX_LENGTH,
      description:
        'Detached compact JWS (RFC 7515 app. F) by the applicant over the RFC 8785 canonical JSON of the body; RS256, PS256 or ES256; ' +
        'certificate chain in x5c, signer first. Missing or invalid: the request is REJECTED with a coded reason.',
    }),
  ),
});

// The response serializer picks union branches (status, signature method) with an Ajv of its own that does not know
// our domain formats; they never decide a branch, so it is told to ignore them rather than warn on every start.
const SERIALIZER_IGNORED_FORMATS = { tckn: true, 'tax-id': true } as const;

const statusUrl = (requestId: string): string => `/v1/authorizations/${encodeURIComponent(requestId)}`;

/**
 * Digital authorization over REST: `POST /v1/authorizations` (the applicant's request, e-signed) and
 * `GET /v1/authorizations/{requestId}`. Relayed by an API client (scopes `declarations:write` / `declarations:read`).
 */
export const authorizationRoutes: FastifyPluginAsync<AuthorizationRoutesOptions> = async (app, opts) => {
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? ajv : coercingAjv).compile(schema));
  useStrictJson(app);
  app.setSerializerCompiler(({ schema }) => fastJson(schema as Schema, { ajv: { formats: SERIALIZER_IGNORED_FORMATS } }));
  app.setErrorHandler(restErrorHandler(opts.metrics));

  app.post(
    '/v1/authorizations',
    {
      schema: {
        summary: 'Ask to act for a trader (e-signed); decided at once: APPROVED, REJECTED or MANUAL_REVIEW (idempotent on requestId)',
        tags: ['authorizations'],
        headers: Headers,
        body: AuthorizationRequest,
        response: {
          200: { ...AuthorizationRecord, description: 'The same request was decided before: its stored decision' },
          201: { ...AuthorizationRecord, description: 'Decided now' },
          '4xx': ApiError,
          '5xx': ApiError,
        },
      },
    },
    async (request, reply) => {
      const client = await authorize(opts.verifier, request.headers[API_KEY_HEADER] as string | undefined, 'declarations:write');
      const body = request.body as AuthorizationRequest;
      const jws = (request.headers[JWS_SIGNATURE_HEADER] as string | undefined) ?? '';
      const { record, duplicate } = await opts.service.submit({ method: 'JWS', request: body, jws }, { clientId: client.clientId, protocol: 'REST' });
      request.log.info({ requestId: body.requestId, status: record.result.status, duplicate, clientId: client.clientId }, 'authorization request decided');
      return reply.status(duplicate ? 200 : 201).header('location', statusUrl(body.requestId)).send(record);
    },
  );

  app.get(
    '/v1/authorizations/:requestId',
    {
      schema: {
        summary: 'Decision of an authorization request lodged by this client',
        tags: ['authorizations'],
        headers: Headers,
        params: Type.Object({ requestId: AuthorizationRequest.properties.requestId }),
        response: { 200: AuthorizationRecord, '4xx': ApiError, '5xx': ApiError },
      },
    },
    async (request) => {
      const client = await authorize(opts.verifier, request.headers[API_KEY_HEADER] as string | undefined, 'declarations:read');
      const { requestId } = request.params as { requestId: string };
      const record = await opts.service.get(requestId, client.clientId);
      if (!record) throw authorizationNotFound(requestId);
      return record;
    },
  );
};
