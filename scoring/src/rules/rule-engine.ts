import type { Lane, Reason } from '@tareks/schemas';
import type { RuleConfig } from './rule-config.js';
import { reasonText } from './rule-reasons.js';

/** What the rule baseline looks at for one item. */
export interface RuleInput {
  readonly gtip: string;
  readonly originCountry: string;
  readonly netMassKg: number;
  readonly value: { readonly amount: number; readonly currency: string };
  /** The trader's history from outcomes known before this item. */
  readonly trader: { readonly declarations: number; readonly inspections: number; readonly nonCompliant: number };
  /** Reason codes raised by the registry enrichment and document checks. */
  readonly flags: readonly string[];
}

export interface RuleScore {
  /** 0–1. */
  readonly score: number;
  /** Hits, strongest first. */
  readonly reasons: Reason[];
  /** True when a registry flag fired: such items are never GREEN. */
  readonly hardRule: boolean;
}

function longestPrefixPoints(gtip: string, table: Readonly<Record<string, number>>): number {
  for (let len = Math.min(12, gtip.length); len >= 2; len--) {
    const points = table[gtip.slice(0, len)];
    if (points !== undefined) return points;
  }
  return 0;
}

export function valuePerKgUsd(input: Pick<RuleInput, 'netMassKg' | 'value'>, config: RuleConfig): number | null {
  const rate = config.usdPerUnit[input.value.currency];
  if (rate === undefined || input.netMassKg <= 0) return null;
  return (input.value.amount * rate) / input.netMassKg;
}

/** The old TAREKS rule baseline: fixed points per signal, summed and scaled to 0–1. */
export function scoreItemWithRules(input: RuleInput, config: RuleConfig): RuleScore {
  const hits: Array<[string, number]> = [];
  const add = (code: string, points: number): void => {
    if (points > 0) hits.push([code, points]);
  };

  add('RISKY_GTIP', longestPrefixPoints(input.gtip, config.riskyGtipPrefixes));
  add('RISKY_ORIGIN', config.riskyOrigins[input.originCountry] ?? 0);

  const t = config.trader;
  if (input.trader.declarations <= t.firstTimeMaxDeclarations) add('FIRST_TIME_TRADER', t.firstTimePoints);
  if (input.trader.nonCompliant > 0) {
    const rate = input.trader.nonCompliant / Math.max(1, input.trader.inspections);
    const high = input.trader.inspections >= t.minInspections && rate >= t.highNonComplianceRate;
    if (high) add('TRADER_HIGH_NON_COMPLIANCE', t.highNonCompliancePoints);
    else add('TRADER_PAST_NON_COMPLIANCE', t.anyNonCompliancePoints);
  }

  const norm = config.valuePerKg.chapterNormsUsdPerKg[input.gtip.slice(0, 2)];
  const perKg = valuePerKgUsd(input, config);
  if (norm !== undefined && perKg !== null && perKg < norm * config.valuePerKg.belowNormRatio) add('VALUE_BELOW_NORM', config.valuePerKg.points);

  let hardRule = false;
  for (const flag of new Set(input.flags)) {
    const points = config.registryFlags[flag];
    if (points === undefined) continue;
    hardRule = true;
    add(flag, points);
  }

  const points = hits.reduce((sum, [, p]) => sum + p, 0);
  const reasons = hits
    .sort((a, b) => b[1] - a[1])
    .map(([code, p]) => ({ code, weight: p / config.scale, text: reasonText(code) }));
  return { score: Math.min(1, points / config.scale), reasons, hardRule };
}

export function laneForScore(score: number, thresholds: RuleConfig['thresholds']): Lane {
  if (score >= thresholds.red) return 'RED';
  if (score >= thresholds.yellow) return 'YELLOW';
  return 'GREEN';
}
