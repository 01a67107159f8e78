import type { Product } from './catalogue.js';
import type { WorldBroker, WorldTrader } from './trader.js';

/** What an item looks like to the hidden ground truth. */
export interface ItemTraits {
  readonly trader: WorldTrader;
  readonly broker: WorldBroker | null;
  readonly product: Product;
  readonly origin: string;
  readonly office: string;
  readonly undervalued: boolean;
  readonly dubiousBrand: boolean;
  readonly missingCe: boolean;
  readonly documents: number;
  readonly unauthorised: boolean;
  /** Days since the trader's first trading day. */
  readonly traderAgeDays: number;
  readonly afterDrift: boolean;
}

/** Base log-odds: with the terms below the world's non-compliance rate lands near 7 %. */
const BASE = -3.7;
const ORIGIN_RISK: Readonly<Record<string, number>> = { CN: 0.35, VN: 0.15, BD: 0.2, PK: 0.2, IN: 0.2, SY: 0.5, IR: 0.3, DE: -0.6, IT: -0.5, JP: -0.7, KR: -0.5, TR: 0 };
const OFFICE_RISK: Readonly<Record<string, number>> = { '270100': 0.3, '330100': 0.15, '060100': -0.2 };
/** Share of non-compliant items an inspection misses, and of compliant ones wrongly failed (label noise). */
export const LABEL_NOISE = { missed: 0.12, falseAlarm: 0.005 } as const;

/** Log-odds that an item is non-compliant; the drift adds a new hot spot and cools an enforced one. */
export function nonComplianceLogit(t: ItemTraits, noise: number): number {
  const p = t.product;
  let z = BASE + (t.afterDrift ? t.trader.profile.riskAfterDrift : t.trader.profile.risk) + p.risk + noise;
  z += ORIGIN_RISK[t.origin] ?? 0;
  z += OFFICE_RISK[t.office] ?? 0;
  z += t.broker?.risk ?? 0.4;
  if (t.undervalued) z += 1.3;
  if (t.dubiousBrand) z += 1.2;
  if (t.missingCe) z += 1.5;
  if (t.documents === 0) z += 0.6;
  else if (t.documents >= 3) z -= 0.3;
  if (t.unauthorised || t.trader.standing !== 'REGISTERED') z += 0.8;
  if (t.traderAgeDays < 60 && t.trader.profile.activeFromDay > 0) z += 0.6;
  if (t.afterDrift) {
    if (p.category === 'ELECTRICAL' && (t.origin === 'MY' || t.origin === 'VN' || t.origin === 'PL')) z += 2.2;
    if (p.category === 'TOYS' && t.origin === 'CN') z -= 0.9;
    if (p.category === 'SPICES') z += 0.8;
  }
  return z;
}
