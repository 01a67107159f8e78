import type { AuthorizationFacts } from './authorization.facts.js';

/**
 * Identifiers of a trader as index keys: `vkn_…`, `mersis_…` (firms), `tckn_…`, `esbis_…` (tradesmen). A grant is
 * indexed under every identifier the registry confirmed, so a declaration naming the trader by any of them finds it.
 */
export type TraderKey = `${'vkn' | 'mersis' | 'tckn' | 'esbis'}_${string}`;

/** One approved authorization of a person for a trader, as the declaration-time check needs it. */
export interface Grant {
  readonly requestId: string;
  /** Last day (YYYY-MM-DD) the authorization is valid. */
  readonly validUntil: string;
}

/** The trader's identifiers as the registries answered them (only what a registry confirmed). */
export function confirmedTraderKeys(facts: AuthorizationFacts): TraderKey[] {
  const keys: TraderKey[] = [];
  const company = facts.company?.status === 'ok' ? facts.company.result.company : undefined;
  if (company) keys.push(`vkn_${company.vkn}`, `mersis_${company.mersisNo}`);
  const tradesman = facts.tradesman?.status === 'ok' ? facts.tradesman.result.tradesman : undefined;
  if (tradesman) keys.push(`tckn_${tradesman.tckn}`, `esbis_${tradesman.esbisNo}`);
  return keys;
}

/** The identifiers a declaration states for its trader. */
export function statedTraderKeys(trader: { taxId?: string; mersisNo?: string; esbisNo?: string }): TraderKey[] {
  const keys: TraderKey[] = [];
  if (trader.taxId) keys.push(trader.taxId.length === 10 ? `vkn_${trader.taxId}` : `tckn_${trader.taxId}`);
  if (trader.mersisNo) keys.push(`mersis_${trader.mersisNo}`);
  if (trader.esbisNo) keys.push(`esbis_${trader.esbisNo}`);
  return keys;
}

/** Whether any grant is valid on `on` (YYYY-MM-DD). */
export const validOn = (grants: readonly Grant[], on: string): boolean => grants.some((g) => g.validUntil >= on);

/** Adds a grant, dropping those that ended before `today` so the list stays short. */
export const withGrant = (grants: readonly Grant[], grant: Grant, today: string): Grant[] => [
  ...grants.filter((g) => g.validUntil >= today && g.requestId !== grant.requestId),
  grant,
];
