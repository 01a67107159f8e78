import type { ItemRow } from './item-row.js';

type Unlabelled = Omit<ItemRow, 'nonCompliant'>;

interface LogMean {
  n: number;
  sum: number;
}

/** A norm needs this many observations before it is preferred over the coarser one. */
const MIN_NORM_COUNT = 20;

/**
 * What the unlabelled columns say about an item, from rows seen so far (never a label): value per kg
 * against the norm of its tariff line, how new the trader is, how often its brand and declarant appear.
 */
export class ItemContext {
  private readonly valueNorms = new Map<string, LogMean>();
  private readonly traderFirstDay = new Map<string, number>();
  private readonly traderDeclarations = new Map<string, Set<string>>();
  private readonly brandCounts = new Map<string, number>();
  private readonly declarantTraders = new Map<string, Set<string>>();

  /** Takes in the unlabelled columns of a row (call in date order, before reading its features). */
  observe(r: Unlabelled, day: number): void {
    const lvk = logValuePerKg(r);
    if (lvk !== null) {
      for (const key of normKeys(r.gtip)) {
        const m = this.valueNorms.get(key) ?? { n: 0, sum: 0 };
        m.n++;
        m.sum += lvk;
        this.valueNorms.set(key, m);
      }
    }
    if (!this.traderFirstDay.has(r.traderId)) this.traderFirstDay.set(r.traderId, day);
    const decls = this.traderDeclarations.get(r.traderId) ?? new Set<string>();
    decls.add(r.declarationId);
    this.traderDeclarations.set(r.traderId, decls);
    const brand = r.brand.trim().toLocaleUpperCase('tr-TR');
    this.brandCounts.set(brand, (this.brandCounts.get(brand) ?? 0) + 1);
    const traders = this.declarantTraders.get(r.declarantId) ?? new Set<string>();
    traders.add(r.traderId);
    this.declarantTraders.set(r.declarantId, traders);
  }

  /** Writes the context features (see FEATURE_NAMES) of a row; returns the next free offset. */
  write(r: Unlabelled, day: number, out: Float32Array, offset: number): number {
    let o = offset;
    const lvk = logValuePerKg(r);
    const norm = normKeys(r.gtip).map((k) => this.valueNorms.get(k)).find((m) => m !== undefined && m.n >= MIN_NORM_COUNT);
    out[o++] = lvk === null || !norm ? 0 : lvk - norm.sum / norm.n;
    out[o++] = Math.log1p(Math.max(0, r.valueUsd));
    out[o++] = Math.log1p(Math.max(0, r.netMassKg));
    out[o++] = Math.log1p(Math.max(0, r.quantity));
    out[o++] = r.ceMarked === null ? -1 : r.ceMarked ? 1 : 0;
    out[o++] = r.documentCount;
    out[o++] = r.brand.trim() === '' ? 1 : 0;
    out[o++] = Math.log1p(this.brandCounts.get(r.brand.trim().toLocaleUpperCase('tr-TR')) ?? 0);
    out[o++] = day - (this.traderFirstDay.get(r.traderId) ?? day);
    out[o++] = Math.log1p(this.traderDeclarations.get(r.traderId)?.size ?? 0);
    out[o++] = Math.log1p(this.declarantTraders.get(r.declarantId)?.size ?? 0);
    out[o++] = Number(r.gtip.slice(0, 2));
    out[o++] = Number(r.gtip.slice(0, 4));
    out[o++] = r.domain === 'AGRI_QUALITY' ? 1 : 0;
    out[o++] = r.kind === 'EXPORT' ? 1 : 0;
    return o;
  }
}

function logValuePerKg(r: Unlabelled): number | null {
  return r.netMassKg > 0 && r.valueUsd > 0 ? Math.log(r.valueUsd / r.netMassKg) : null;
}

const normKeys = (gtip: string): string[] => [gtip.slice(0, 6), `4:${gtip.slice(0, 4)}`, `2:${gtip.slice(0, 2)}`];
