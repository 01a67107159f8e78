import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import {
  ApiError, DeadLetter, DeadLetterFacets, DeadLetterPage, DeadLetterSearch, ReplayBatchAccepted, ReplayBatchRequest, ReplayOneRequest, ReplayOutcome,
  type DeadLetterSearch as Search, type ReplayBatchRequest as BatchBody, type ReplayOneRequest as OneBody,
} from '@tareks/schemas';
import type { DeadLetterServices } from '../deadletters/dead-letter.services.js';
import { REPLAY_ERROR_CODES, ReplayError } from '../deadletters/replay-error.js';
import { actorOf } from './actor.js';
import { DEAD_LETTER_READERS } from './route-roles.js';

const Params = Type.Object({ id: Type.String({ maxLength: 64 }) });
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 503: ApiError };
const tags = ['admin: dead letters'];

/**
 * Search, read and replay dead letters. Operators and admins read; only admins replay (the default of the admin API).
 * Every replay and replay batch is audited; dry runs too.
 */
export const deadLetterRoutes: FastifyPluginAsync<{ deadLetters: DeadLetterServices }> = async (app, { deadLetters }) => {
  const { store, replays } = deadLetters;

  const config = { roles: DEAD_LETTER_READERS };

  app.get(
    '/dead-letters/facets',
    { config, schema: { tags, summary: 'Stages, error codes and offices with their counts, for the filters', response: { 200: DeadLetterFacets, ...errors } } },
    async () => store.index.facets(),
  );

  app.get<{ Querystring: Search }>(
    '/dead-letters',
    { config, schema: { tags, summary: 'Search dead letters, newest first / Ölü mektupları ara', querystring: DeadLetterSearch, response: { 200: DeadLetterPage, ...errors } } },
    async (req) => store.index.search(req.query),
  );

  app.get<{ Params: { id: string } }>(
    '/dead-letters/:id',
    { config, schema: { tags, summary: 'One dead letter with its payload and replays', params: Params, response: { 200: DeadLetter, ...errors } } },
    async (req) => {
      const letter = await store.get(req.params.id);
      if (!letter) throw new ReplayError(REPLAY_ERROR_CODES.notFound, `dead letter ${req.params.id} not found`, 404);
      return letter;
    },
  );

  app.post<{ Params: { id: string }; Body: OneBody }>(
    '/dead-letters/:id/replay',
    {
      schema: {
        tags,
        summary: 'Replay one dead letter, optionally with an edited declaration / Yeniden oynat',
        params: Params,
        body: ReplayOneRequest,
        response: { 200: ReplayOutcome, ...errors },
      },
    },
    async (req) => replays.replayOne(req.params.id, actorOf(req), { payload: req.body?.payload, dryRun: req.body?.dryRun }),
  );

  app.post<{ Body: BatchBody }>(
    '/dead-letters/replay',
    {
      schema: {
        tags,
        summary: 'Replay many (ids or filter) at the replay velocity; dryRun only counts / Toplu yeniden oynat',
        body: ReplayBatchRequest,
        response: { 200: ReplayBatchAccepted, 202: ReplayBatchAccepted, ...errors },
      },
    },
    async (req, reply) => {
      const dryRun = req.body.dryRun ?? false;
      const batch = await replays.replayMany({ ids: req.body.ids, filter: req.body.filter }, actorOf(req), dryRun);
      return reply.status(dryRun ? 200 : 202).send(batch);
    },
  );
};
