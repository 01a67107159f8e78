import type { DecisionEvent } from '@tareks/schemas';

/** What the live table shows: every field left empty matches all decisions. */
export interface DecisionFilter {
  readonly office: string;
  readonly domain: '' | DecisionEvent['domain'];
  readonly lane: '' | DecisionEvent['lane'];
}

export const NO_FILTER: DecisionFilter = { office: '', domain: '', lane: '' };

export const isFiltering = (f: DecisionFilter): boolean => !!(f.office || f.domain || f.lane);

export function matches(f: DecisionFilter, d: DecisionEvent): boolean {
  return (!f.office || d.customsOffice === f.office) && (!f.domain || d.domain === f.domain) && (!f.lane || d.lane === f.lane);
}
