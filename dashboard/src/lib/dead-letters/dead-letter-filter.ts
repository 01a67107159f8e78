import type { DeadLetterFilter, DeadLetterStage } from '@tareks/schemas';

/** Every stage, in pipeline order; a Record so a stage added to the contract fails the type check here. */
const STAGE_ORDER: Record<DeadLetterStage, number> = { ingest: 0, orchestrate: 1, enrich: 2, ocr: 3, score: 4, decide: 5, notify: 6 };
export const STAGES = (Object.keys(STAGE_ORDER) as DeadLetterStage[]).sort((a, b) => STAGE_ORDER[a] - STAGE_ORDER[b]);

const isStage = (v: string): v is DeadLetterStage => v in STAGE_ORDER;
const TEXT_FIELDS = ['code', 'office', 'declarationId', 'gtip', 'from', 'to'] as const;

/** The filter a page URL carries (`?stage=score&office=341300…`); unknown or empty values are left out. */
export function filterFromQuery(params: URLSearchParams): DeadLetterFilter {
  const f: { -readonly [K in keyof DeadLetterFilter]: DeadLetterFilter[K] } = {};
  const stage = params.get('stage');
  if (stage && isStage(stage)) f.stage = stage;
  for (const key of TEXT_FIELDS) {
    const v = params.get(key)?.trim();
    if (v) f[key] = v;
  }
  const replayed = params.get('replayed');
  if (replayed === 'true' || replayed === 'false') f.replayed = replayed === 'true';
  return f;
}

export function filterToQuery(f: DeadLetterFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

/** `<input type="datetime-local">` value (local time) ↔ ISO-8601 UTC, as the hub expects. */
export const localToIso = (local: string): string | undefined => (local ? new Date(local).toISOString() : undefined);

export function isoToLocal(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
