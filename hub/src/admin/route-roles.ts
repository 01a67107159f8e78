import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, type Authenticator, type Role } from '../auth/principal.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles admitted to an admin route; absent: admins only. */
    roles?: readonly Role[];
  }
}

/** Who may read dead letters: operators watch them, only admins replay. */
export const DEAD_LETTER_READERS: readonly Role[] = ['operator', 'admin'];

/**
 * One `onRequest` check for every admin route: the roles a route declares in `config.roles`, admins only by default,
 * so a route that forgets to say is never opened wider than admin.
 */
export function requireRouteRoles(authenticate: Authenticator) {
  const adminOnly = requireRole(authenticate, 'admin');
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const roles = request.routeOptions.config.roles;
    return roles ? requireRole(authenticate, ...roles)(request, reply) : adminOnly(request, reply);
  };
}
