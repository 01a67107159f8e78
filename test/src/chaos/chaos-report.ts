import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Table from 'cli-table3';
import type { FaultRecord } from './fault-plan.js';
import type { ChaosCounts } from './verify.js';

export interface ChaosReport {
  readonly at: string;
  readonly settings: Record<string, number | string | boolean>;
  /** Wall time of the whole run (start-up to verdict), s. */
  readonly durationSec: number;
  /** Load window (first to last submission accepted or given up), s. */
  readonly loadSec: number;
  readonly counts: ChaosCounts;
  readonly faults: readonly FaultRecord[];
  /** Role processes that exited on their own during the run (the suite's supervisor started them again). */
  readonly crashes: Record<string, ReadonlyArray<{ afterLoadStartMs: number; exit: string }>>;
  /** Each poison message: its kind, the dead letters that hold it, and the result of its repaired replay. */
  readonly poisons: ReadonlyArray<{ kind: string; letters: ReadonlyArray<{ id: string; stage: string; code: string; attempts: number }>; replay?: string }>;
}

const ms = (v: number | undefined): string => (v === undefined ? '—' : `${v.toLocaleString('en-US')} ms`);

/** Prints the counts and the recovery after each fault as tables, then the JSON, and writes the JSON to `jsonPath`. */
export function printChaosReport(r: ChaosReport, jsonPath: string): void {
  const c = r.counts;
  const counts = new Table({ head: ['count / sayım', 'value'] });
  const rows: Array<[string, number | string]> = [
    ['sent', c.sent],
    ['accepted (2xx / SOAP receipt)', `${c.accepted} (REST ${c.acceptedRest}, SOAP ${c.acceptedSoap})`],
    ['not accepted (gave up / refused)', `${c.notAccepted}${c.notAccepted ? ` (${Object.entries(c.notAcceptedReasons).map(([k, n]) => `${n}× ${k}`).join('; ')})` : ''}`],
    ['decided exactly once', c.decided],
    ['lost', c.lost],
    ['duplicate decisions', c.duplicates],
    ['decided, callback not delivered', c.undelivered],
    ['callback ≠ decision of record', c.mismatched],
    ['callback redeliveries deduped', c.callbackRedeliveries],
    ['bad callback signatures', c.badSignatures],
    ['decided without receipt', c.decidedWithoutReceipt],
    ['poison injected / dead-lettered', `${c.poisonInjected} / ${c.poisonDeadLettered}`],
    ['poison with wrong stage/code', c.poisonWrongStageOrCode],
    ['poison dead-lettered again (redelivered)', c.poisonDeadLetteredAgain],
    ['dead letters (stage:code)', Object.entries(c.deadLetters).map(([k, n]) => `${k} ${n}`).join(', ') || '0'],
    ['other dead letters (stage:code)', Object.entries(c.otherDeadLetters).map(([k, n]) => `${k} ${n}`).join(', ') || '0'],
    ['repaired & replayed / decided / audited', `${c.replayed}/${c.repairable} / ${c.replayDecided} / ${c.replayAudited}`],
    ['role processes that crashed (restarted)', Object.entries(r.crashes).map(([role, list]) => `${role} ${list.length}× (${list.map((x) => x.exit).join(',')})`).join(', ') || '0'],
    ['run / load window', `${r.durationSec} s / ${r.loadSec} s`],
  ];
  counts.push(...rows);
  const faults = new Table({ head: ['fault / hata', 'lifted after', 'fault → next decision', 'lifted → next decision', 'error'] });
  for (const f of r.faults) {
    faults.push([f.name, ms(f.healedAt === undefined ? undefined : f.healedAt - f.startedAt), ms(f.nextDecisionMs), ms(f.afterHealMs), f.error ?? '']);
  }
  console.log(counts.toString());
  console.log(faults.toString());
  console.log(c.violations.length ? `VIOLATIONS / İHLALLER:\n  ${c.violations.join('\n  ')}` : 'all guarantees held / tüm güvenceler sağlandı');
  const json = JSON.stringify(r, null, 2);
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, json);
  console.log(json);
  console.log(`\nJSON written to ${jsonPath}`);
}
