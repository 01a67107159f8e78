import { describe, expect, it } from 'vitest';
import { WatchList, watchListReason, type WatchListRule } from '../../src/score/watch-list.js';

const d = { trader: { taxId: '4540536920', name: 'x' } } as const;
const item = { gtip: '950300700000', brand: ' minik ', originCountry: 'CN' };
const at = new Date('2026-03-01T00:00:00Z');
const rule = (kind: WatchListRule['kind'], value: string, until?: string): WatchListRule => ({ kind, value, reason: 'r', ...(until ? { until } : {}) });

describe('WatchList', () => {
  it.each([
    ['trader', rule('TRADER', '4540536920'), 'TRADER'],
    ['chapter prefix', rule('GTIP_PREFIX', '95'), 'GTIP_PREFIX'],
    ['full line', rule('GTIP_PREFIX', '950300700000'), 'GTIP_PREFIX'],
    ['brand, case and spaces ignored (tr-TR)', rule('BRAND', 'MİNİK'), 'BRAND'],
    ['origin', rule('ORIGIN', 'CN'), 'ORIGIN'],
  ])('matches by %s', (_n, r, kind) => {
    expect(WatchList.of([r]).hit(d, item, at)?.kind).toBe(kind);
  });

  it('does not match other values, other prefixes or expired entries', () => {
    const list = WatchList.of([rule('TRADER', '1234567890'), rule('GTIP_PREFIX', '9504'), rule('BRAND', 'MINIK'), rule('ORIGIN', 'VN'), rule('GTIP_PREFIX', '95', '2026-02-28T23:59:59Z')]);
    expect(list.hit(d, item, at)).toBeNull();
    expect(list.hit(d, { ...item, brand: undefined as unknown as string }, at)).toBeNull();
  });

  it('prefers the trader, then the longest prefix', () => {
    const list = WatchList.of([rule('GTIP_PREFIX', '95'), rule('GTIP_PREFIX', '9503'), rule('ORIGIN', 'CN')]);
    expect(list.hit(d, item, at)).toMatchObject({ value: '9503' });
    expect(WatchList.of([...list.entries, rule('TRADER', '4540536920')]).hit(d, item, at)?.kind).toBe('TRADER');
  });

  it('gives a coded reason with the entry reason in both languages', () => {
    expect(watchListReason({ kind: 'ORIGIN', value: 'CN', reason: 'RAPEX bildirimi' })).toEqual({
      code: 'WATCH_LIST_ORIGIN', weight: 0, text: { tr: 'Menşe ülke izleme listesinde: RAPEX bildirimi', en: 'Country of origin on the watch list: RAPEX bildirimi' },
    });
  });
});
