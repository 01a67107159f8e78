import type { ItemRow } from './item-row.js';

/** The entities whose past non-compliance predicts an item's, in feature order. */
export const HISTORY_ENTITIES = [
  'trader', 'declarant', 'gtip12', 'gtip6', 'gtip4', 'gtip2', 'origin', 'office', 'brand', 'origin_gtip4',
] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

/** Entities whose recent (decayed) rate is tracked too: the ones drifts move first. */
export const RECENT_ENTITIES = ['trader', 'gtip4', 'origin_gtip4'] as const satisfies readonly HistoryEntity[];

export type KeyedFields = Pick<ItemRow, 'traderId' | 'declarantId' | 'gtip' | 'originCountry' | 'customsOffice' | 'brand'>;

/** One key per entity, prefixed so that keys of different entities never collide. */
export function historyKeys(r: KeyedFields): readonly string[] {
  const brand = r.brand.trim().toLocaleUpperCase('tr-TR');
  return [
    `t:${r.traderId}`,
    `d:${r.declarantId}`,
    `g12:${r.gtip}`,
    `g6:${r.gtip.slice(0, 6)}`,
    `g4:${r.gtip.slice(0, 4)}`,
    `g2:${r.gtip.slice(0, 2)}`,
    `o:${r.originCountry}`,
    `c:${r.customsOffice}`,
    `b:${brand}`,
    `og:${r.originCountry}:${r.gtip.slice(0, 4)}`,
  ];
}
