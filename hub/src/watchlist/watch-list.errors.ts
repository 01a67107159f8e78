import { IngestError } from '@tareks/adapters';

/** Stable codes of the watch-list admin API. */
export const WATCH_LIST_ERROR_CODES = {
  exists: 'HUB_ERR_WATCH_LIST_EXISTS',
  notFound: 'HUB_ERR_WATCH_LIST_NOT_FOUND',
} as const;

export const entryExists = (id: string): IngestError => new IngestError(WATCH_LIST_ERROR_CODES.exists, `İzleme listesinde zaten var / watch-list entry ${id} exists; change it with PUT`, 409);
export const entryNotFound = (id: string): IngestError => new IngestError(WATCH_LIST_ERROR_CODES.notFound, `İzleme listesinde yok / watch-list entry ${id} not found`, 404);
