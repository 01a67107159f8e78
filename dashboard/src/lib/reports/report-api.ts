import { hubApi, withQuery, type Query } from '$lib/api/hub-api.js';
import type { DayRange } from './day-range.js';

/** The hub's report endpoints under `/v1/reports/`. */
export type ReportName = 'volumes' | 'inspection-rate' | 'hit-rate' | 'model-performance' | 'traders' | 'products' | 'authorizations' | 'risk-map' | 'risk-map/items';

const pathOf = (name: ReportName): string => `/v1/reports/${name}`;

/** One report as JSON for the range. */
export const fetchReport = <T>(name: ReportName, range: DayRange, extra: Query = {}, signal?: AbortSignal): Promise<T> =>
  hubApi<T>(pathOf(name), { query: { ...range, ...extra }, ...(signal ? { signal } : {}) });

/** Address of the same report as CSV: a plain link, the session cookie authorizes the download. */
export const csvHref = (name: ReportName, range: DayRange, extra: Query = {}): string => withQuery(pathOf(name), { ...range, ...extra, format: 'csv' });
