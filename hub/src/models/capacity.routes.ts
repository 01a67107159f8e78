import type { FastifyPluginAsync } from 'fastify';
import { ApiError, CapacitySettings, CapacityUpdate, ajv, coercingAjv } from '@tareks/schemas';
import { actorOf } from '../admin/actor.js';
import { useAdminErrors } from '../admin/admin-errors.js';
import { requireRole, type Authenticator } from '../auth/principal.js';
import type { CapacitySettingsStore } from './capacity.settings.js';

export interface CapacityRoutesOptions {
  /** The hub's authenticator; every route needs the admin role. */
  readonly authenticate: Authenticator;
  readonly capacities: CapacitySettingsStore;
}

/** Lane capacities per office × domain; registered under `/v1/admin/capacity`. */
export const capacityRoutes: FastifyPluginAsync<CapacityRoutesOptions> = async (app, o) => {
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? ajv : coercingAjv).compile(schema));
  useAdminErrors(app);
  app.addHook('onRequest', requireRole(o.authenticate, 'admin'));

  app.get(
    '/',
    { schema: { summary: 'Lane capacities in force', tags: ['models'], response: { 200: CapacitySettings, '4xx': ApiError, '5xx': ApiError } } },
    async () => o.capacities.get(),
  );

  app.put(
    '/',
    {
      schema: {
        summary: 'Replace the lane capacities (audited as capacity.change); score workers apply them at once',
        tags: ['models'],
        body: CapacityUpdate,
        response: { 200: CapacitySettings, '4xx': ApiError, '5xx': ApiError },
      },
    },
    async (request) => o.capacities.set(request.body as CapacityUpdate, actorOf(request)),
  );
};
