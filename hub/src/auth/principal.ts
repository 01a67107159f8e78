import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_KEY_HEADER, type ApiKeyVerifier } from '@tareks/adapters';

export const ROLES = ['operator', 'inspector', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a dashboard user (session) or an API client (key), with the roles the server enforces. */
export interface Principal {
  readonly kind: 'user' | 'api-client';
  readonly id: string;
  readonly roles: readonly Role[];
}

/** Resolves the caller of a request, or null when it presents no valid credential. */
export type Authenticator = (request: FastifyRequest) => Promise<Principal | null>;

/** API keys with the `admin` scope act as admins; `outcomes:write` as inspectors. */
export function apiKeyAuthenticator(verifier: ApiKeyVerifier): Authenticator {
  return async (request) => {
    const key = request.headers[API_KEY_HEADER];
    if (typeof key !== 'string') return null;
    const client = await verifier.verify(key);
    if (!client) return null;
    const roles: Role[] = [];
    if (client.scopes.includes('admin')) roles.push('admin');
    if (client.scopes.includes('outcomes:write')) roles.push('inspector');
    return { kind: 'api-client', id: client.clientId, roles };
  };
}

/** The first authenticator that recognises the caller wins (e.g. session cookie, then API key). */
export const firstOf = (...authenticators: Authenticator[]): Authenticator => async (request) => {
  for (const a of authenticators) {
    const p = await a(request);
    if (p) return p;
  }
  return null;
};

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** A preHandler that admits only callers holding one of `roles` (401 without credentials, 403 without the role). */
export function requireRole(authenticate: Authenticator, ...roles: Role[]) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const principal = await authenticate(request);
    if (!principal) {
      await reply.status(401).send({ error: { code: 'HUB_ERR_UNAUTHENTICATED', message: 'sign in or present an API key' } });
      return;
    }
    if (!principal.roles.some((r) => roles.includes(r))) {
      await reply.status(403).send({ error: { code: 'HUB_ERR_ROLE_DENIED', message: `requires role ${roles.join(' or ')}` } });
      return;
    }
    request.principal = principal;
  };
}
