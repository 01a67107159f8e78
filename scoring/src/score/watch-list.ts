import type { Declaration, Item } from '@tareks/schemas';

/** Traders and tariff lines under watch: their items go to inspection whatever the score (cause RULE). */
export interface WatchList {
  /** Trader tax ids (VKN/TCKN). */
  readonly traders: readonly string[];
  /** GTİP prefixes (2–12 digits). */
  readonly gtipPrefixes: readonly string[];
}

export const EMPTY_WATCH_LIST: WatchList = { traders: [], gtipPrefixes: [] };

export function isWatchListed(list: WatchList, d: Declaration, item: Item): boolean {
  return list.traders.includes(d.trader.taxId) || list.gtipPrefixes.some((p) => item.gtip.startsWith(p));
}
