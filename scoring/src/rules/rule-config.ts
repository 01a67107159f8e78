import { readFileSync } from 'node:fs';

/** Weights of the rule baseline; the file `scoring/config/rules.json` is the policy, this is its shape. */
export interface RuleConfig {
  readonly version: string;
  /** Points that map to score 1.0. */
  readonly scale: number;
  /** Score thresholds for YELLOW and RED (inclusive lower bounds). */
  readonly thresholds: { readonly yellow: number; readonly red: number };
  /** GTİP prefix (2–12 digits) → points; the longest matching prefix counts. */
  readonly riskyGtipPrefixes: Readonly<Record<string, number>>;
  /** ISO country → points. */
  readonly riskyOrigins: Readonly<Record<string, number>>;
  readonly trader: {
    /** Inspections needed before the non-compliance rate is trusted. */
    readonly minInspections: number;
    readonly highNonComplianceRate: number;
    readonly highNonCompliancePoints: number;
    readonly anyNonCompliancePoints: number;
    readonly firstTimePoints: number;
    /** A trader with at most this many earlier declarations counts as first-time. */
    readonly firstTimeMaxDeclarations: number;
  };
  readonly valuePerKg: {
    /** Declared value per kg below this share of the chapter norm scores `points`. */
    readonly belowNormRatio: number;
    readonly points: number;
    /** GTİP chapter (2 digits) → typical customs value in USD per kg. */
    readonly chapterNormsUsdPerKg: Readonly<Record<string, number>>;
  };
  /** Reference rates to compare values across currencies (USD per one unit). */
  readonly usdPerUnit: Readonly<Record<string, number>>;
  /** Enrichment flag (reason code) → points. */
  readonly registryFlags: Readonly<Record<string, number>>;
}

export const DEFAULT_RULES_PATH = new URL('../../config/rules.json', import.meta.url);

export function loadRuleConfig(path: string | URL = DEFAULT_RULES_PATH): RuleConfig {
  return JSON.parse(readFileSync(path, 'utf8')) as RuleConfig;
}
