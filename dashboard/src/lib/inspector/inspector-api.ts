import type { InspectionOutcome, InspectionView, InspectionWorkList, InspectionWorkListQuery, OutcomeReceipt } from '@tareks/schemas';
import { hubApi, withQuery } from '../api/hub-api.js';

/** The inspector screen's calls to the hub (`/v1/inspection/…`, `/v1/outcomes`); the hub enforces the roles. */
export const inspectorApi = {
  workList: (q: InspectionWorkListQuery, signal?: AbortSignal) =>
    hubApi<InspectionWorkList>('/v1/inspection/items', { query: { ...q }, ...(signal ? { signal } : {}) }),

  view: (id: string, version: number, signal?: AbortSignal) =>
    hubApi<InspectionView>(`/v1/inspection/declarations/${encodeURIComponent(id)}/versions/${version}`, signal ? { signal } : {}),

  record: (outcome: InspectionOutcome) => hubApi<OutcomeReceipt>('/v1/outcomes', { method: 'POST', body: outcome }),

  /** Page image URL: content-addressed, so the browser may cache it. */
  pageUrl: (sha256: string, page: number, declarationId: string, version: number): string =>
    withQuery(`/v1/inspection/documents/${sha256}/pages/${page}.png`, { declarationId, version }),
};
