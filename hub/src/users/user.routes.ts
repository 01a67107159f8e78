import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ApiError, NewUser, UserUpdate, UserView, Username, type NewUser as NewUserBody, type UserUpdate as UserUpdateBody } from '@tareks/schemas';
import { requireRole, type Authenticator, type Principal } from '../auth/principal.js';
import { replyWithCodedErrors } from '../session/error-reply.js';
import type { UserStore } from './user.store.js';

/** Records an admin action in the audit trail (DESIGN: every admin action is audited). */
export type AuditSink = (action: string, by: Principal, detail: Record<string, unknown>) => Promise<void>;

export interface UserRoutesOptions {
  readonly users: UserStore;
  /** The hub's authenticator (session cookie, then API key). */
  readonly authenticate: Authenticator;
  readonly audit: AuditSink;
}

const Params = Type.Object({ username: Username });
const errors = { 400: ApiError, 401: ApiError, 403: ApiError };

/** `/v1/users`: admins list, create and change dashboard users (roles, disabling, password reset). */
export const userRoutes: FastifyPluginAsync<UserRoutesOptions> = async (app, o) => {
  replyWithCodedErrors(app);
  const admin = requireRole(o.authenticate, 'admin');
  const tags = ['users'];

  app.get('/v1/users', { preHandler: admin, schema: { tags, summary: 'List users / Kullanıcılar', response: { 200: Type.Array(UserView), ...errors } } }, async () => o.users.list());

  app.post<{ Body: NewUserBody }>(
    '/v1/users',
    { preHandler: admin, schema: { tags, summary: 'Create a user / Kullanıcı ekle', body: NewUser, response: { 201: UserView, ...errors, 409: ApiError } } },
    async (req, reply) => {
      const user = await o.users.create(req.body);
      await o.audit('user.create', req.principal!, { username: user.username, roles: user.roles });
      return reply.status(201).send(user);
    },
  );

  app.patch<{ Params: { username: string }; Body: UserUpdateBody }>(
    '/v1/users/:username',
    { preHandler: admin, schema: { tags, summary: 'Change a user / Kullanıcıyı değiştir', params: Params, body: UserUpdate, response: { 200: UserView, ...errors, 404: ApiError, 409: ApiError } } },
    async (req) => {
      const user = await o.users.update(req.params.username, req.body);
      const { password, ...changed } = req.body;
      await o.audit('user.update', req.principal!, { username: user.username, ...changed, passwordReset: password !== undefined });
      return user;
    },
  );
};
