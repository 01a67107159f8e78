import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { firstOf, requireRole } from '../../src/auth/principal.js';
import { createSessionAuthenticator } from '../../src/session/session.authenticator.js';
import { ensureSessionBuckets } from '../../src/session/session.buckets.js';
import { SessionManager } from '../../src/session/session.manager.js';
import { sessionRoutes } from '../../src/session/session.routes.js';
import { replyWithCodedErrors } from '../../src/session/error-reply.js';
import { UserStore } from '../../src/users/user.store.js';
import { userRoutes } from '../../src/users/user.routes.js';
import type { TestNamespace } from '../warehouse/nats-namespace.js';

export const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

export interface SessionApp {
  readonly app: FastifyInstance;
  readonly users: UserStore;
  readonly sessions: SessionManager;
  readonly audit: Array<{ action: string; by: string }>;
}

/** Session and user routes plus two probe routes (operator GET, operator POST) on a Fastify instance, as the hub wires them. */
export async function sessionApp(t: TestNamespace): Promise<SessionApp> {
  const buckets = await ensureSessionBuckets(t.nc, t.names);
  const users = new UserStore(buckets.users);
  const sessions = new SessionManager(buckets, users, { secret: SECRET });
  const authenticate = firstOf(createSessionAuthenticator(sessions));
  const audit: Array<{ action: string; by: string }> = [];
  const app = Fastify({ loggerInstance: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) });
  await app.register(sessionRoutes, { sessions });
  await app.register(userRoutes, { users, authenticate, audit: async (action, by) => void audit.push({ action, by: by.id }) });
  await app.register(async (scope) => {
    replyWithCodedErrors(scope);
    scope.get('/probe', { preHandler: requireRole(authenticate, 'operator') }, async (req) => ({ by: req.principal!.id }));
    scope.post('/probe', { preHandler: requireRole(authenticate, 'operator') }, async (req) => ({ by: req.principal!.id }));
  });
  return { app, users, sessions, audit };
}

/** The `name=value` part of a Set-Cookie header, to send back as Cookie. */
export const cookieOf = (setCookie: string | string[] | undefined): string => String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;
