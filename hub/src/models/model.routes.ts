import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { ApiError, ModelActionRequest, ModelList, ModelPointers, ModelVersion, ajv, coercingAjv } from '@tareks/schemas';
import { actorOf } from '../admin/actor.js';
import { useAdminErrors } from '../admin/admin-errors.js';
import { requireRole, type Authenticator } from '../auth/principal.js';
import type { ModelAdmin } from './model.admin.js';
import { ModelRegistryError } from './model.errors.js';
import type { ModelRegistry } from './model.registry.js';

export interface ModelRoutesOptions {
  /** The hub's authenticator; every route needs the admin role. */
  readonly authenticate: Authenticator;
  readonly registry: ModelRegistry;
  readonly admin: ModelAdmin;
}

/** Model versions, promotion and rollback; registered under `/v1/admin/models`. */
export const modelRoutes: FastifyPluginAsync<ModelRoutesOptions> = async (app, o) => {
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? ajv : coercingAjv).compile(schema));
  useAdminErrors(app);
  app.addHook('onRequest', requireRole(o.authenticate, 'admin'));

  app.get(
    '/',
    { schema: { summary: 'Stored model versions and the active/shadow pointers', tags: ['models'], response: { 200: ModelList, '4xx': ApiError, '5xx': ApiError } } },
    async () => ({ pointers: await o.registry.pointers(), models: await o.registry.list() }),
  );

  app.post(
    '/:version/promote',
    {
      schema: {
        summary: 'Make a version the champion (audited as model.promote)',
        tags: ['models'],
        params: Type.Object({ version: ModelVersion }),
        body: Type.Optional(ModelActionRequest),
        response: { 200: ModelPointers, '4xx': ApiError, '5xx': ApiError },
      },
    },
    async (request, reply) => {
      const { version } = request.params as { version: string };
      return answer(reply, () => o.admin.promote(version, actorOf(request), (request.body as ModelActionRequest | undefined)?.reason));
    },
  );

  app.post(
    '/rollback',
    {
      schema: {
        summary: 'Return to the champion before the last promotion (audited as model.rollback)',
        tags: ['models'],
        body: Type.Optional(ModelActionRequest),
        response: { 200: ModelPointers, '4xx': ApiError, '5xx': ApiError },
      },
    },
    async (request, reply) => answer(reply, () => o.admin.rollback(actorOf(request), (request.body as ModelActionRequest | undefined)?.reason)),
  );
};

/** Registry errors leave with their own status and code; anything else goes to the admin error handler. */
async function answer<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ModelRegistryError) return reply.status(err.httpStatus).send({ error: { code: err.code, message: err.message } });
    throw err;
  }
}
