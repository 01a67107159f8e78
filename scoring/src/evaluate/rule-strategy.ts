import { scoreItemWithRules } from '../rules/rule-engine.js';
import type { RuleConfig } from '../rules/rule-config.js';
import type { PreparedData } from './prepared-data.js';
import type { Strategy } from './strategy.js';

interface TraderRecord {
  declarations: Set<string>;
  inspections: number;
  nonCompliant: number;
}

/**
 * The old fixed-point rules as a strategy. The trader history they read is the protocol's: earlier
 * declarations from the unlabelled columns, inspections and findings from revealed labels only. The
 * file carries no registry flags, so none fire.
 */
export function ruleStrategy(data: PreparedData, config: RuleConfig): Strategy {
  const traders = new Map<string, TraderRecord>();
  const recordOf = (id: string): TraderRecord => {
    let r = traders.get(id);
    if (!r) traders.set(id, (r = { declarations: new Set(), inspections: 0, nonCompliant: 0 }));
    return r;
  };
  return {
    name: 'rules',
    scoreWeek(_t, indices, warmup) {
      const scores = new Float64Array(indices.length);
      indices.forEach((i, k) => {
        const row = data.rows[i]!;
        const rec = recordOf(row.traderId);
        if (!warmup) {
          const before = rec.declarations.size - (rec.declarations.has(row.declarationId) ? 1 : 0);
          scores[k] = scoreItemWithRules(
            {
              gtip: row.gtip, originCountry: row.originCountry, netMassKg: row.netMassKg, value: { amount: row.valueUsd, currency: 'USD' },
              trader: { declarations: before, inspections: rec.inspections, nonCompliant: rec.nonCompliant }, flags: [],
            },
            config,
          ).score;
        }
        rec.declarations.add(row.declarationId);
      });
      return Promise.resolve(warmup ? null : scores);
    },
    reveal(_t, indices, labels) {
      indices.forEach((i, k) => {
        const rec = recordOf(data.rows[i]!.traderId);
        rec.inspections++;
        if (labels[k]) rec.nonCompliant++;
      });
    },
  };
}
