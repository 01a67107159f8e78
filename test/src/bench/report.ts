import { mkdirSync, writeFileSync } from 'node:fs';
import Table from 'cli-table3';
import type { BenchRow } from './bench-row.js';

/** Prints the figures as a table (with the ratio to each baseline) and writes them as JSON. */
export function report(rows: readonly BenchRow[], jsonPath: string, meta: Record<string, unknown>): void {
  const table = new Table({ head: ['group', 'figure', 'value', 'unit', 'baseline (same run)', 'ratio'] });
  for (const r of rows) {
    table.push([
      r.group,
      r.name,
      r.value.toLocaleString('en-US', { maximumFractionDigits: 2 }),
      r.unit,
      r.baseline ? `${r.baseline.name}: ${r.baseline.value.toLocaleString('en-US', { maximumFractionDigits: 2 })}` : '',
      r.baseline && r.baseline.value ? (r.value / r.baseline.value).toFixed(2) : '',
    ]);
  }
  console.log(table.toString());
  mkdirSync(new URL('.', `file://${jsonPath}`).pathname, { recursive: true });
  writeFileSync(jsonPath, JSON.stringify({ ...meta, rows }, null, 2));
  console.log(JSON.stringify({ ...meta, rows }));
  console.log(`\nJSON written to ${jsonPath}`);
}
