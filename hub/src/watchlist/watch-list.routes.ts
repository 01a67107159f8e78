import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { ApiError, WatchListEntry, WatchListEntryId, WatchListEntryInput, WatchListEntryUpdate, WatchListPage, ajv, coercingAjv } from '@tareks/schemas';
import { actorOf } from '../admin/actor.js';
import { useAdminErrors } from '../admin/admin-errors.js';
import { requireRole, type Authenticator } from '../auth/principal.js';
import { entryNotFound } from './watch-list.errors.js';
import type { WatchListStore } from './watch-list.store.js';

export interface WatchListRoutesOptions {
  /** The hub's authenticator; every route needs the admin role. */
  readonly authenticate: Authenticator;
  readonly store: WatchListStore;
}

const Params = Type.Object({ id: WatchListEntryId });

/** Watch-list administration; registered under `/v1/admin/watch-list`. Score workers apply changes at once. */
export const watchListRoutes: FastifyPluginAsync<WatchListRoutesOptions> = async (app, o) => {
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? ajv : coercingAjv).compile(schema));
  useAdminErrors(app);
  app.addHook('onRequest', requireRole(o.authenticate, 'admin'));

  app.get(
    '/',
    { schema: { summary: 'Watched traders, GTİP prefixes, brands and origins', tags: ['watch-list'], response: { 200: WatchListPage, '4xx': ApiError, '5xx': ApiError } } },
    async () => ({ entries: await o.store.list() }),
  );

  app.get(
    '/:id',
    { schema: { summary: 'One watch-list entry', tags: ['watch-list'], params: Params, response: { 200: WatchListEntry, '4xx': ApiError, '5xx': ApiError } } },
    async (request) => {
      const { id } = request.params as { id: string };
      const entry = await o.store.get(id);
      if (!entry) throw entryNotFound(id);
      return entry;
    },
  );

  app.post(
    '/',
    {
      schema: {
        summary: 'Watch a trader (VKN/TCKN), GTİP prefix, brand or origin: matching items go to RED with cause RULE (audited as watchlist.add)',
        tags: ['watch-list'],
        body: WatchListEntryInput,
        response: { 201: WatchListEntry, '4xx': ApiError, '5xx': ApiError },
      },
    },
    async (request, reply) => reply.status(201).send(await o.store.add(request.body as WatchListEntryInput, actorOf(request))),
  );

  app.put(
    '/:id',
    {
      schema: {
        summary: 'Change the reason or expiry of an entry (audited as watchlist.update); until null removes the expiry',
        tags: ['watch-list'],
        params: Params,
        body: WatchListEntryUpdate,
        response: { 200: WatchListEntry, '4xx': ApiError, '5xx': ApiError },
      },
    },
    async (request) => o.store.update((request.params as { id: string }).id, request.body as WatchListEntryUpdate, actorOf(request)),
  );

  app.delete(
    '/:id',
    { schema: { summary: 'Stop watching (audited as watchlist.remove)', tags: ['watch-list'], params: Params, response: { 204: Type.Null(), '4xx': ApiError, '5xx': ApiError } } },
    async (request, reply) => {
      await o.store.remove((request.params as { id: string }).id, actorOf(request));
      return reply.status(204).send();
    },
  );
};
