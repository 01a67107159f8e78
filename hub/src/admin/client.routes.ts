import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import {
  ApiClientSecrets, ApiClientView, ApiError, ClientId, CreateApiClientRequest, UpdateApiClientRequest,
  type ApiClientView as View, type CallbackTarget, type CreateApiClientRequest as CreateBody, type StoredCallback,
  type UpdateApiClientRequest as UpdateBody,
} from '@tareks/schemas';
import type { ApiKeyStore, StoredClient } from '../auth/api-key.store.js';
import type { AuditLog } from '../audit/audit.log.js';
import { ReplayError } from '../deadletters/replay-error.js';
import { actorOf } from './actor.js';
import { ADMIN_ERROR_CODES } from './admin-errors.js';

const Params = Type.Object({ clientId: ClientId });
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const tags = ['admin: API clients'];

const newSecret = (): string => randomBytes(32).toString('base64url');

/** Admins see a client's callback target, never its secret (nor the key, which is only stored hashed). */
function view(c: StoredClient): View {
  const callback: CallbackTarget | undefined = c.callback
    ? c.callback.kind === 'webhook'
      ? { kind: 'webhook', url: c.callback.url }
      : { kind: 'soap', url: c.callback.url, ...(c.callback.soapVersion ? { soapVersion: c.callback.soapVersion } : {}) }
    : undefined;
  return {
    clientId: c.clientId,
    scopes: [...c.scopes],
    createdAt: c.createdAt,
    ...(c.updatedAt ? { updatedAt: c.updatedAt } : {}),
    ...(c.revokedAt ? { revokedAt: c.revokedAt } : {}),
    ...(callback ? { callback } : {}),
  };
}

/** A webhook keeps its secret unless rotated or newly configured; a SOAP callback has none. */
function withSecret(target: CallbackTarget, previous: StoredCallback | undefined, rotate: boolean): { callback: StoredCallback; shown?: string } {
  if (target.kind !== 'webhook') return { callback: target };
  if (previous?.kind === 'webhook' && previous.secret && !rotate) return { callback: { ...target, secret: previous.secret } };
  const secret = newSecret();
  return { callback: { ...target, secret }, shown: secret };
}

const notFound = (clientId: string): ReplayError => new ReplayError(ADMIN_ERROR_CODES.clientNotFound, `API client ${clientId} not found`, 404);

/** Manage API clients: keys (shown once), scopes, decision callbacks (webhook secret shown once), revocation. */
export const clientRoutes: FastifyPluginAsync<{ clients: ApiKeyStore; audit: AuditLog }> = async (app, { clients, audit }) => {
  app.get('/clients', { schema: { tags, summary: 'List API clients / API istemcileri', response: { 200: Type.Array(ApiClientView), ...errors } } }, async () =>
    (await clients.list()).map(view),
  );

  app.post<{ Body: CreateBody }>(
    '/clients',
    { schema: { tags, summary: 'Create an API client; its key is shown once', body: CreateApiClientRequest, response: { 201: ApiClientSecrets, ...errors } } },
    async (req, reply) => {
      const { clientId, scopes, callback: target } = req.body;
      if (await clients.get(clientId)) {
        await audit.record({ actor: actorOf(req), action: 'client.create', target: clientId, result: ADMIN_ERROR_CODES.clientExists });
        throw new ReplayError(ADMIN_ERROR_CODES.clientExists, `API client ${clientId} already exists`, 409);
      }
      const cb = target ? withSecret(target, undefined, false) : undefined;
      const apiKey = await clients.create(clientId, scopes, undefined, cb?.callback);
      const created = (await clients.get(clientId))!;
      await audit.record({ actor: actorOf(req), action: 'client.create', target: clientId, result: 'OK', details: { scopes, callback: target ?? null } });
      return reply.status(201).send({ client: view(created), apiKey, ...(cb?.shown ? { callbackSecret: cb.shown } : {}) });
    },
  );

  app.patch<{ Params: { clientId: string }; Body: UpdateBody }>(
    '/clients/:clientId',
    { schema: { tags, summary: 'Change scopes or the decision callback', params: Params, body: UpdateApiClientRequest, response: { 200: ApiClientSecrets, ...errors } } },
    async (req) => {
      const { clientId } = req.params;
      const current = await clients.get(clientId);
      if (!current) throw notFound(clientId);
      const { scopes, callback: target, rotateCallbackSecret = false } = req.body;
      let cb: { callback: StoredCallback | null; shown?: string } | undefined;
      if (target === null) cb = { callback: null };
      else if (target) cb = withSecret(target, current.callback, rotateCallbackSecret);
      else if (rotateCallbackSecret && current.callback) cb = withSecret(current.callback, current.callback, true);
      const updated = await clients.update(clientId, { ...(scopes ? { scopes } : {}), ...(cb ? { callback: cb.callback } : {}) });
      if (!updated) throw notFound(clientId);
      await audit.record({
        actor: actorOf(req),
        action: 'client.update',
        target: clientId,
        result: 'OK',
        details: { ...(scopes ? { scopes } : {}), ...(target !== undefined ? { callback: target } : {}), secretRotated: cb?.shown !== undefined },
      });
      return { client: view(updated), ...(cb?.shown ? { callbackSecret: cb.shown } : {}) };
    },
  );

  app.delete<{ Params: { clientId: string } }>(
    '/clients/:clientId',
    { schema: { tags, summary: 'Revoke an API client (its key stops working within 30 s)', params: Params, response: { 200: ApiClientView, ...errors } } },
    async (req) => {
      const revoked = await clients.revoke(req.params.clientId);
      if (!revoked) throw notFound(req.params.clientId);
      await audit.record({ actor: actorOf(req), action: 'client.revoke', target: req.params.clientId, result: 'OK' });
      return view(revoked);
    },
  );
};
