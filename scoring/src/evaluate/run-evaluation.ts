import { HISTORY_FEATURE_COUNT } from '../features/feature-names.js';
import type { ItemRow } from '../features/item-row.js';
import type { RuleConfig } from '../rules/rule-config.js';
import { gbdtLearner } from './gbdt-learner.js';
import { learnedStrategy } from './learned-strategy.js';
import { oracle, type OracleResult } from './oracle.js';
import type { PeerProcess } from './peer-learner.js';
import { prepareData, type PreparedData } from './prepared-data.js';
import { runProtocol, type StrategyResult } from './protocol.js';
import { randomStrategy } from './random-strategy.js';
import { ruleStrategy } from './rule-strategy.js';
import type { Strategy } from './strategy.js';

export interface EvaluationOptions {
  /** Budgets B in percent; default [1, 5, 10]. */
  readonly budgets?: readonly number[];
  /** Exploration E in percent of the budget; default 10. */
  readonly explore?: number;
  /** PRNG seed of every run; default 42. */
  readonly seed?: number;
  readonly rules: RuleConfig;
  /** External peers (e.g. XGBoost), each run on the same rows and features as the model. */
  readonly peers?: readonly { readonly name: string; readonly process: PeerProcess }[];
  /** Which feature sets the peers get: all (default), the history features only, or both runs. */
  readonly peerFeatures?: PeerFeatures;
  /** Called after each test week of each run, with the number of runs still to do. */
  readonly onWeek?: () => void;
}

export interface BudgetReport {
  readonly budget: number;
  readonly oracle: OracleResult;
  readonly strategies: readonly (StrategyResult & { readonly seconds: number })[];
}

export interface EvaluationReport {
  readonly items: number;
  readonly weeks: number;
  readonly testWeeks: number;
  readonly firstDate: string;
  /** Non-compliant share of the whole file. */
  readonly fileBaseRate: number;
  readonly seed: number;
  readonly explore: number;
  readonly budgets: readonly BudgetReport[];
}

/** Strategy factories of one budget: each run starts from nothing (its own features and history). */
function strategies(data: PreparedData, o: EvaluationOptions): { make: () => Strategy; explore: number }[] {
  const E = o.explore ?? 10;
  const history = Array.from({ length: HISTORY_FEATURE_COUNT }, (_, c) => c);
  return [
    { make: () => learnedStrategy('model (TS GBDT)', data, gbdtLearner()), explore: E },
    { make: () => ruleStrategy(data, o.rules), explore: E },
    ...(o.peers ?? []).flatMap((p) => [
      ...(o.peerFeatures !== 'history' ? [{ make: () => learnedStrategy(`${p.name} (all features)`, data, p.process.learner()), explore: E }] : []),
      ...(o.peerFeatures !== 'all' && o.peerFeatures !== undefined
        ? [{ make: () => learnedStrategy(`${p.name} (history features)`, data, p.process.learner(history)), explore: E }]
        : []),
    ]),
    { make: () => randomStrategy(), explore: 100 },
  ];
}

export type PeerFeatures = 'all' | 'history' | 'both';

export const runCount = (o: Pick<EvaluationOptions, 'budgets' | 'peers' | 'peerFeatures'>): number =>
  (o.budgets ?? [1, 5, 10]).length * (3 + (o.peerFeatures === 'both' ? 2 : 1) * (o.peers?.length ?? 0));

/** Runs the protocol for every budget and strategy on one file. */
export async function runEvaluation(rows: readonly ItemRow[], o: EvaluationOptions): Promise<EvaluationReport> {
  const data = prepareData(rows);
  const seed = o.seed ?? 42;
  const explore = o.explore ?? 10;
  const budgets: BudgetReport[] = [];
  for (const budget of o.budgets ?? [1, 5, 10]) {
    const results: BudgetReport['strategies'][number][] = [];
    for (const s of strategies(data, o)) {
      const started = performance.now();
      const r = await runProtocol(data, s.make(), { budget, explore: s.explore, seed, onWeek: () => o.onWeek?.() });
      results.push({ ...r, seconds: (performance.now() - started) / 1000 });
    }
    budgets.push({ budget, oracle: oracle(data, budget), strategies: results });
  }
  return {
    items: data.rows.length,
    weeks: data.weeks.length,
    testWeeks: Math.max(0, data.weeks.length - 4),
    firstDate: data.firstDate,
    fileBaseRate: data.labels.reduce((a, b) => a + b, 0) / data.labels.length,
    seed,
    explore,
    budgets,
  };
}
