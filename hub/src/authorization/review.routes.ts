import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ApiError, AuthorizationRecord, ajv, coercingAjv } from '@tareks/schemas';
import { actorOf } from '../admin/actor.js';
import { useAdminErrors } from '../admin/admin-errors.js';
import { requireRole, type Authenticator } from '../auth/principal.js';
import type { NatsAuthorizationService } from './nats-authorization.service.js';

export interface ReviewRoutesOptions {
  readonly authenticate: Authenticator;
  readonly authorizations: NatsAuthorizationService;
}

const ReviewDecision = Type.Object(
  {
    status: Type.Enum(['APPROVED', 'REJECTED']),
    note: Type.Optional(Type.String({ maxLength: 2000, description: 'Why, for the audit trail' })),
  },
  { additionalProperties: false },
);

/** Manual review of authorizations left in MANUAL_REVIEW (audited as authorization.review); under `/v1/admin/authorizations`. */
export const authorizationReviewRoutes: FastifyPluginAsync<ReviewRoutesOptions> = async (app, o) => {
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? ajv : coercingAjv).compile(schema));
  useAdminErrors(app);
  app.addHook('onRequest', requireRole(o.authenticate, 'admin'));

  app.post(
    '/:requestId/review',
    {
      schema: {
        summary: 'Approve or reject an authorization waiting for manual review',
        tags: ['authorizations'],
        params: Type.Object({ requestId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' }) }),
        body: ReviewDecision,
        response: { 200: AuthorizationRecord, '4xx': ApiError, '5xx': ApiError },
      },
    },
    async (request) => {
      const { requestId } = request.params as { requestId: string };
      const { status, note } = request.body as { status: 'APPROVED' | 'REJECTED'; note?: string };
      return o.authorizations.resolveReview(requestId, status, actorOf(request), note);
    },
  );
};
