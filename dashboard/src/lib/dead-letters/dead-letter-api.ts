import type {
  DeadLetter, DeadLetterFacets, DeadLetterFilter, DeadLetterPage, DeadLetterSearch, ReplayBatchAccepted, ReplayOutcome,
} from '@tareks/schemas';
import { hubApi } from '$lib/api/hub-api.js';

const BASE = '/v1/admin/dead-letters';

/** Dead-letter search and replay on the hub; the hub decides who may do what (reads: operator, admin; replay: admin). */
export const deadLetterApi = {
  search: (search: DeadLetterSearch, signal?: AbortSignal) => hubApi<DeadLetterPage>(BASE, { query: { ...search }, ...(signal ? { signal } : {}) }),
  facets: () => hubApi<DeadLetterFacets>(`${BASE}/facets`),
  get: (id: string) => hubApi<DeadLetter>(`${BASE}/${encodeURIComponent(id)}`),
  replayOne: (id: string, body: { payload?: unknown; dryRun?: boolean }) =>
    hubApi<ReplayOutcome>(`${BASE}/${encodeURIComponent(id)}/replay`, { method: 'POST', body }),
  replayMany: (body: { ids?: readonly string[]; filter?: DeadLetterFilter; dryRun?: boolean }) =>
    hubApi<ReplayBatchAccepted>(`${BASE}/replay`, { method: 'POST', body }),
};
