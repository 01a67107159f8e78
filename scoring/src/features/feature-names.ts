import { HISTORY_ENTITIES, RECENT_ENTITIES } from './history-keys.js';

/** Context features written by `ItemContext.write`, in order. */
const CONTEXT_FEATURES = [
  'value_per_kg_vs_norm', 'log_value_usd', 'log_net_mass', 'log_quantity', 'ce_marked', 'document_count', 'brand_missing',
  'log_brand_frequency', 'trader_age_days', 'log_trader_declarations', 'log_declarant_traders', 'gtip_chapter', 'gtip_heading',
  'is_agri', 'is_export',
] as const;

/** The model's input columns, in order: label history, recent history, then context. */
export const FEATURE_NAMES: readonly string[] = [
  ...HISTORY_ENTITIES.flatMap((e) => [`${e}_rate`, `${e}_log_count`]),
  ...RECENT_ENTITIES.map((e) => `${e}_recent_rate`),
  ...CONTEXT_FEATURES,
];

export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Columns that come from revealed outcomes (the history features DATE's baselines use). */
export const HISTORY_FEATURE_COUNT = HISTORY_ENTITIES.length * 2 + RECENT_ENTITIES.length;
