import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ApiError, DOCUMENT_ERROR_CODES, DeclarationId, DocumentRef, DocumentType, coercingAjv } from '@tareks/schemas';
import { API_KEY_HEADER, requireScope } from '../auth/api-key.js';
import type { ApiKeyVerifier } from '../auth/api-client.js';
import { IngestError } from '../ingest/ingest-error.js';
import type { IngestMetrics } from '../ingest/ingest-service.js';
import { restErrorHandler } from '../rest/rest-errors.js';
import type { DocumentService } from './document-service.js';

export interface DocumentRoutesOptions {
  readonly documents: DocumentService;
  readonly verifier: ApiKeyVerifier;
  readonly metrics: IngestMetrics;
  /** Largest document body read, bytes (the hub's DOCUMENT_MAX_BYTES); larger uploads get 413 DOC_ERR_TOO_LARGE. */
  readonly maxBytes: number;
}

/** Content types the route reads; `application/octet-stream` leaves the type to the sniffed bytes alone. */
export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'application/octet-stream'] as const;

/** Fastify's refusals of a body, said in document codes. */
function documentBodyError(err: FastifyError): FastifyError | IngestError {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new IngestError(DOCUMENT_ERROR_CODES.tooLarge, err.message, 413);
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new IngestError(DOCUMENT_ERROR_CODES.unsupportedType, `send the file as ${DOCUMENT_CONTENT_TYPES.join(', ')}`, 415);
  }
  return err;
}

/**
 * `POST /v1/declarations/{id}/documents?type=INVOICE[&fileName=…]`: the body is the file itself (no multipart), its
 * Content-Type the media type. Answers the DocumentRef to put into the declaration's `documents[]`: 201 when the
 * bytes were stored, 200 when the same bytes (same sha256) were already there.
 */
export const documentRoutes: FastifyPluginAsync<DocumentRoutesOptions> = async (app, opts) => {
  // The body is the file: its schema only documents it (OpenAPI binary); the bytes are judged by the sniffer.
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? () => true : coercingAjv.compile(schema)));
  const toRest = restErrorHandler(opts.metrics);
  app.setErrorHandler((err: FastifyError, request, reply) => toRest(documentBodyError(err) as FastifyError, request, reply));
  app.removeAllContentTypeParsers();
  app.addContentTypeParser([...DOCUMENT_CONTENT_TYPES], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/v1/declarations/:id/documents',
    {
      bodyLimit: opts.maxBytes,
      onRequest: requireScope(opts.verifier, 'declarations:write'),
      schema: {
        summary: 'Upload a document of a declaration (PDF, PNG, JPEG or TIFF as the raw body); stored once per sha256',
        tags: ['declarations'],
        consumes: [...DOCUMENT_CONTENT_TYPES],
        headers: Type.Object({ [API_KEY_HEADER]: Type.Optional(Type.String({ description: 'API key of the customs client' })) }),
        params: Type.Object({ id: DeclarationId }),
        body: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'The file, at most DOCUMENT_MAX_BYTES' }),
        querystring: Type.Object(
          { type: DocumentType, fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })) },
          { additionalProperties: false },
        ),
        response: { 200: DocumentRef, 201: DocumentRef, '4xx': ApiError, '5xx': ApiError },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { type, fileName } = request.query as { type: DocumentType; fileName?: string };
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const stored = await opts.documents.store(
        { bytes, type, ...(mediaType !== 'application/octet-stream' ? { declaredMediaType: mediaType } : {}), ...(fileName ? { fileName } : {}) },
        { clientId: request.apiClient!.clientId, declarationId: id },
      );
      request.log.info({ declarationId: id, sha256: stored.ref.sha256, size: stored.ref.size, duplicate: stored.duplicate }, 'document received');
      return reply.status(stored.duplicate ? 200 : 201).send(stored.ref);
    },
  );
};
