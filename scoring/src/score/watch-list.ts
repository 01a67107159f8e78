import type { Declaration, Item, LocalizedText, Reason, WatchListKind } from '@tareks/schemas';

/** One watched trader, tariff prefix, brand or origin (the stored entry, as much as scoring needs). */
export interface WatchListRule {
  readonly kind: WatchListKind;
  readonly value: string;
  /** Why it is watched: shown with the item's reason. */
  readonly reason: string;
  /** ISO date-time after which the entry no longer applies; none: until removed. */
  readonly until?: string;
}

const normaliseBrand = (b: string): string => b.trim().toLocaleUpperCase('tr-TR');
const keyOf = (kind: WatchListKind, value: string): string => `${kind}:${kind === 'BRAND' ? normaliseBrand(value) : value}`;

/** GTİP prefix lengths an entry may have: chapter, heading, subheading … full line. */
const PREFIX_LENGTHS = [2, 4, 6, 8, 10, 12];

/**
 * Traders, tariff prefixes, brands and origins under watch, indexed for lookups per item: their items go to
 * inspection whatever the score (cause RULE). Expired entries are skipped at lookup, so no sweep is needed.
 */
export class WatchList {
  private readonly byKey: ReadonlyMap<string, WatchListRule>;

  private constructor(readonly entries: readonly WatchListRule[]) {
    this.byKey = new Map(entries.map((e) => [keyOf(e.kind, e.value), e]));
  }

  static of(entries: Iterable<WatchListRule>): WatchList {
    return new WatchList([...entries]);
  }

  /** The entry an item falls under at `at` (trader first, then the longest GTİP prefix, brand, origin), or null. */
  hit(d: Pick<Declaration, 'trader'>, item: Pick<Item, 'gtip' | 'brand' | 'originCountry'>, at: Date): WatchListRule | null {
    if (this.byKey.size === 0) return null;
    const candidates = [
      keyOf('TRADER', d.trader.taxId),
      ...PREFIX_LENGTHS.map((n) => keyOf('GTIP_PREFIX', item.gtip.slice(0, n))).reverse(),
      ...(item.brand?.trim() ? [keyOf('BRAND', item.brand)] : []),
      keyOf('ORIGIN', item.originCountry),
    ];
    for (const k of candidates) {
      const e = this.byKey.get(k);
      if (e && (e.until === undefined || Date.parse(e.until) > at.getTime())) return e;
    }
    return null;
  }
}

export const EMPTY_WATCH_LIST = WatchList.of([]);

const WATCH_LIST_TEXT: Readonly<Record<WatchListKind, LocalizedText>> = {
  TRADER: { tr: 'Firma izleme listesinde', en: 'Trader on the watch list' },
  GTIP_PREFIX: { tr: 'GTİP izleme listesinde', en: 'Tariff line on the watch list' },
  BRAND: { tr: 'Marka izleme listesinde', en: 'Brand on the watch list' },
  ORIGIN: { tr: 'Menşe ülke izleme listesinde', en: 'Country of origin on the watch list' },
};

/** The coded reason of a watch-list hit (`WATCH_LIST_<KIND>`), with the entry's own reason after the fixed text. */
export function watchListReason(rule: WatchListRule): Reason {
  const t = WATCH_LIST_TEXT[rule.kind];
  return { code: `WATCH_LIST_${rule.kind}`, weight: 0, text: { tr: `${t.tr}: ${rule.reason}`, en: `${t.en}: ${rule.reason}` } };
}
