import type { FastifyPluginAsync } from 'fastify';
import { ApiError, LoginRequest, SessionInfo, type LoginRequest as Login } from '@tareks/schemas';
import { replyWithCodedErrors } from './error-reply.js';
import { createSessionAuthenticator } from './session.authenticator.js';
import type { SessionManager } from './session.manager.js';

export interface SessionRoutesOptions {
  readonly sessions: SessionManager;
  /** Sign-in attempts per minute per client address (applies when @fastify/rate-limit is registered above). Default 20. */
  readonly loginPerMinute?: number;
}

const UNAUTHENTICATED = { error: { code: 'HUB_ERR_UNAUTHENTICATED', message: 'not signed in' } };

/**
 * `/v1/session`: POST signs in (JSON body only, so a cross-site form cannot post it), GET returns the session
 * with its CSRF token, DELETE signs out (needs the CSRF token like every mutation).
 */
export const sessionRoutes: FastifyPluginAsync<SessionRoutesOptions> = async (app, o) => {
  replyWithCodedErrors(app);
  const authenticate = createSessionAuthenticator(o.sessions);
  const tags = ['session'];

  app.post<{ Body: Login }>(
    '/v1/session',
    {
      config: { rateLimit: { max: o.loginPerMinute ?? 20, timeWindow: 60_000, keyGenerator: (req: { ip: string }) => `login:${req.ip}` } },
      schema: {
        tags,
        summary: 'Sign in / Oturum aç',
        security: [],
        body: LoginRequest,
        response: { 200: SessionInfo, 401: ApiError, 429: ApiError },
      },
    },
    async (req, reply) => {
      const { info, setCookie } = await o.sessions.login(req.body.username, req.body.password);
      req.log.info({ username: info.user.username }, 'dashboard sign-in');
      return reply.header('set-cookie', setCookie).header('cache-control', 'no-store').send(info);
    },
  );

  app.get('/v1/session', { schema: { tags, summary: 'Current session / Geçerli oturum', security: [], response: { 200: SessionInfo, 401: ApiError } } }, async (req, reply) => {
    const session = await o.sessions.resolve(req.headers.cookie);
    if (!session) return reply.status(401).send(UNAUTHENTICATED);
    return reply.header('cache-control', 'no-store').send({ user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt });
  });

  app.delete('/v1/session', { schema: { tags, summary: 'Sign out / Oturumu kapat', security: [], response: { 204: { type: 'null' }, 401: ApiError, 403: ApiError } } }, async (req, reply) => {
    if (!(await authenticate(req))) return reply.status(401).send(UNAUTHENTICATED);
    const clear = await o.sessions.logout(req.headers.cookie);
    return reply.header('set-cookie', clear).status(204).send();
  });
};
