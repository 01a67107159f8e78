import Table from 'cli-table3';
import type { EvaluationReport } from './run-evaluation.js';

const pct = (x: number): string => `${(100 * x).toFixed(1)}`;

/** The human report: one table of the required figures, then the weekly precision series. */
export function formatReport(r: EvaluationReport): string {
  const head = ['B %', 'strategy', 'E %', 'selected', 'hits', 'precision %', '± se', 'recall %', 'lift', 'norm. prec. %', 'P 1st half', 'P 2nd half', 's'];
  const table = new Table({ head, style: { head: [], border: [] } });
  for (const b of r.budgets) {
    for (const s of b.strategies) {
      table.push([
        b.budget, s.strategy, s.explore, s.selected, s.hits, pct(s.precision), pct(s.precisionStdErr), pct(s.recall), s.lift.toFixed(2),
        pct(s.normalisedPrecision), pct(s.halves[0]!.precision), pct(s.halves[1]!.precision), s.seconds.toFixed(1),
      ]);
    }
    table.push([b.budget, 'oracle', 0, b.oracle.selected, b.oracle.hits, pct(b.oracle.precision), '', pct(b.oracle.recall), '', '', '', '', '']);
  }
  const lines = [
    `items ${r.items}, weeks ${r.weeks} (test ${r.testWeeks}), first date ${r.firstDate}, file base rate ${pct(r.fileBaseRate)} %, ` +
      `test base rate ${pct(r.budgets[0]?.strategies[0]?.baseRate ?? 0)} %, seed ${r.seed}`,
    table.toString(),
  ];
  for (const b of r.budgets) {
    lines.push(`weekly precision % at B = ${b.budget} (test weeks ${b.strategies[0]?.weeks[0] ?? ''}..${b.strategies[0]?.weeks.at(-1) ?? ''}):`);
    const width = Math.max(...b.strategies.map((s) => s.strategy.length), 6);
    for (const s of b.strategies) {
      lines.push(`  ${s.strategy.padEnd(width)} ${s.weeklyPrecision.map((p) => (p === null ? '  -' : String(Math.round(100 * p)).padStart(3))).join('')}`);
    }
    lines.push(`  ${'oracle'.padEnd(width)} ${b.oracle.weeklyPrecision.map((p) => (p === null ? '  -' : String(Math.round(100 * p)).padStart(3))).join('')}`);
  }
  return lines.join('\n');
}
