import type { DecisionWatch } from './decision-watch.js';

/** One fault as run: when it hit, when it was lifted, and how long until decisions were seen again. */
export interface FaultRecord {
  readonly name: string;
  readonly startedAt: number;
  /** When the fault was lifted (process back and ready, server restarted, outage ended). */
  healedAt?: number;
  /** Fault → the next decision observed (ms): the "time to recover". */
  nextDecisionMs?: number;
  /** Fault lifted → the next decision observed (ms). */
  afterHealMs?: number;
  error?: string;
}

export interface FaultStep {
  readonly name: string;
  /** Injects the fault and lifts it again; resolves once lifted. */
  run(): Promise<void>;
  /** Injections without a recovery to time (poison waves). */
  readonly untimed?: boolean;
}

export interface FaultPlanOptions {
  readonly steps: readonly FaultStep[];
  /** Load window the steps are spread over, ms from `startedAt`. */
  readonly windowMs: number;
  readonly startedAt: number;
  readonly watch: DecisionWatch;
  /** Longest wait for decisions to flow again after a fault before the next one. */
  readonly recoverTimeoutMs: number;
}

/**
 * Runs the fault steps one after the other, spread evenly over the load window. After each timed fault it waits
 * (bounded) for the next decision, so one fault's recovery is measured before the next fault hits.
 */
export async function runFaultPlan(o: FaultPlanOptions): Promise<FaultRecord[]> {
  const records: FaultRecord[] = [];
  const gap = o.windowMs / (o.steps.length + 1);
  for (const [i, step] of o.steps.entries()) {
    const due = o.startedAt + gap * (i + 1);
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    const record: FaultRecord = { name: step.name, startedAt: Date.now() };
    records.push(record);
    try {
      await step.run();
      record.healedAt = Date.now();
    } catch (err) {
      record.error = (err as Error).message;
    }
    if (step.untimed) continue;
    const next = await o.watch.nextAfter(record.startedAt, Math.max(0, (record.healedAt ?? Date.now()) - record.startedAt) + o.recoverTimeoutMs);
    const afterHeal = record.healedAt === undefined ? undefined : await o.watch.nextAfter(record.healedAt, o.recoverTimeoutMs);
    if (next !== undefined) record.nextDecisionMs = next - record.startedAt;
    if (afterHeal !== undefined && record.healedAt !== undefined) record.afterHealMs = afterHeal - record.healedAt;
  }
  return records;
}
