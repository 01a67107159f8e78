import type { ModelList, ModelPointers } from '@tareks/schemas';
import { hubApi } from '$lib/api/hub-api.js';

const BASE = '/v1/admin/models';

export const fetchModels = (signal?: AbortSignal): Promise<ModelList> => hubApi<ModelList>(`${BASE}/`, signal ? { signal } : {});

/** Makes `version` the champion (audited by the hub as model.promote). */
export const promoteModel = (version: string, reason: string): Promise<ModelPointers> =>
  hubApi<ModelPointers>(`${BASE}/${encodeURIComponent(version)}/promote`, { method: 'POST', body: reason ? { reason } : {} });

/** Returns to the champion before the last promotion (audited as model.rollback). */
export const rollbackModel = (reason: string): Promise<ModelPointers> => hubApi<ModelPointers>(`${BASE}/rollback`, { method: 'POST', body: reason ? { reason } : {} });
