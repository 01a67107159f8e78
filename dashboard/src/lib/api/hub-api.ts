import type { ApiError } from '@tareks/schemas';
import { session } from '../session/session.svelte.js';

/** A refused or failed call to the hub, with the hub's stable error code when it sent one. */
export class HubApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: NonNullable<ApiError['error']['details']> = [],
  ) {
    super(message);
    this.name = 'HubApiError';
  }
}

export type Query = Record<string, string | number | boolean | undefined | null | readonly string[]>;

export interface HubRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly query?: Query;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

/** `path?query`, leaving out empty values and repeating a key for each array element. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) params.append(key, v);
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Calls the hub with the session cookie; mutations carry the session's CSRF token. Resolves to the JSON body. */
export async function hubApi<T>(path: string, req: HubRequest = {}): Promise<T> {
  const method = req.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = session.info?.csrfToken ?? '';
  const res = await fetch(withQuery(path, req.query), {
    method,
    headers,
    credentials: 'same-origin',
    ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
    ...(req.signal ? { signal: req.signal } : {}),
  }).catch((err: unknown) => {
    throw new HubApiError(0, 'NETWORK', err instanceof Error ? err.message : String(err));
  });
  if (res.status === 401) await session.load();
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ApiError | null;
    throw new HubApiError(res.status, body?.error.code ?? `HTTP_${res.status}`, body?.error.message ?? res.statusText, body?.error.details ?? []);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}
