import type { FastifyPluginAsync } from 'fastify';
import { ajv, coercingAjv } from '@tareks/schemas';
import type { ApiKeyStore } from '../auth/api-key.store.js';
import type { Authenticator } from '../auth/principal.js';
import type { AuditLog } from '../audit/audit.log.js';
import type { DeadLetterServices } from '../deadletters/dead-letter.services.js';
import { useAdminErrors } from './admin-errors.js';
import { auditRoutes } from './audit.routes.js';
import { clientRoutes } from './client.routes.js';
import { deadLetterRoutes } from './dead-letter.routes.js';
import { requireRouteRoles } from './route-roles.js';

export interface AdminRoutesOptions {
  /** The hub's authenticator (session cookie, then API key); a route needs the admin role unless it declares `config.roles`. */
  readonly authenticate: Authenticator;
  readonly deadLetters: DeadLetterServices;
  readonly audit: AuditLog;
  readonly clients: ApiKeyStore;
}

/**
 * The admin API, registered under `/v1/admin`: dead letters and replay, the audit trail, API clients. Admins only,
 * except reading dead letters, which operators may too (`config.roles`). The role check runs on `onRequest`, before the
 * body is read or validated, so an unauthenticated caller learns nothing about it.
 */
export const adminRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (app, o) => {
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? ajv : coercingAjv).compile(schema));
  useAdminErrors(app);
  app.addHook('onRequest', requireRouteRoles(o.authenticate));
  await app.register(deadLetterRoutes, { deadLetters: o.deadLetters });
  await app.register(auditRoutes, { audit: o.audit });
  await app.register(clientRoutes, { clients: o.clients, audit: o.audit });
};
