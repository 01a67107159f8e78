import type { AuthorizationRecord, AuthorizationResult, DeadLetter, Decision, InspectionOutcome, ReceivedDeclaration } from '@tareks/schemas';
import type { SqlValue } from './warehouse.db.js';

/** Türkiye keeps UTC+3 all year (no DST since 2016), so a report day is the UTC instant shifted by three hours. */
const TURKIYE_OFFSET_MS = 3 * 60 * 60_000;
export const turkiyeDay = (iso: string): string => new Date(Date.parse(iso) + TURKIYE_OFFSET_MS).toISOString().slice(0, 10);

export interface TableRows {
  readonly table: string;
  readonly columns: readonly string[];
  /** Columns that make a row's identity; rows of one batch with the same key keep the last. */
  readonly key: readonly string[];
}

export const DECISION_ITEMS: TableRows = {
  table: 'decision_items',
  columns: ['declaration_id', 'version', 'item_no', 'first_item', 'customs_office', 'kind', 'domain', 'declaration_lane', 'lane', 'score', 'selection_cause', 'top_reason', 'model_version', 'received_at', 'decided_at', 'day', 'total_ms'],
  key: ['declaration_id', 'version', 'item_no'],
};

export function decisionRows(d: Decision): SqlValue[][] {
  const day = turkiyeDay(d.timings.decidedAt);
  const first = Math.min(...d.items.map((i) => i.itemNo));
  return d.items.map((i) => {
    const top = [...i.reasons].sort((a, b) => b.weight - a.weight)[0];
    return [d.declarationId, d.version, i.itemNo, i.itemNo === first, d.customsOffice, d.kind, d.domain, d.lane, i.lane, i.score, i.selectionCause, top?.code ?? null, d.modelVersion, d.timings.receivedAt, d.timings.decidedAt, day, d.timings.totalMs];
  });
}

export const DECLARATIONS: TableRows = {
  table: 'declarations',
  columns: ['declaration_id', 'version', 'kind', 'domain', 'customs_office', 'trader_tax_id', 'trader_name', 'submitted_at', 'received_at', 'protocol', 'item_count'],
  key: ['declaration_id', 'version'],
};

export const DECLARATION_ITEMS: TableRows = {
  table: 'declaration_items',
  columns: ['declaration_id', 'version', 'item_no', 'gtip', 'chapter', 'origin', 'description', 'value_amount', 'currency', 'net_mass_kg', 'ce_marked'],
  key: ['declaration_id', 'version', 'item_no'],
};

export function declarationRows(r: ReceivedDeclaration): { declaration: SqlValue[]; items: SqlValue[][] } {
  const d = r.declaration;
  return {
    declaration: [d.id, d.version, d.kind, d.domain, d.customsOffice, d.trader.taxId, d.trader.name, d.submittedAt, r.receivedAt, r.protocol, d.items.length],
    items: d.items.map((i) => [d.id, d.version, i.itemNo, i.gtip, i.gtip.slice(0, 2), i.originCountry, i.description, i.value.amount, i.value.currency, i.netMassKg, i.conformity?.ceMarked ?? null]),
  };
}

export const OUTCOMES: TableRows = {
  table: 'outcomes',
  columns: ['declaration_id', 'version', 'item_no', 'inspector', 'result', 'non_compliant', 'finding_codes', 'inspected_at'],
  key: ['declaration_id', 'version', 'item_no'],
};

export const outcomeRow = (o: InspectionOutcome): SqlValue[] => [
  o.declarationId, o.version, o.itemNo, o.inspector, o.result, o.result === 'NON_COMPLIANT', o.findings.map((f) => f.code).join(','), o.inspectedAt,
];

export const AUTHORIZATIONS: TableRows = {
  table: 'authorizations',
  columns: ['request_id', 'status', 'reason_codes', 'decided_at', 'day'],
  key: ['request_id'],
};

/** The authorizations stream may carry the bare result or the whole stored record (request, result, signature). */
export function authorizationRow(message: AuthorizationResult | AuthorizationRecord): SqlValue[] {
  const r = 'result' in message ? message.result : message;
  return [r.requestId, r.status, r.reasons.map((x) => x.code).join(','), r.decidedAt, turkiyeDay(r.decidedAt)];
}

export const DEAD_LETTERS: TableRows = {
  table: 'dead_letters',
  columns: ['id', 'stage', 'code', 'attempts', 'first_failure_at', 'last_failure_at', 'day', 'declaration_id', 'version', 'customs_office', 'replays'],
  key: ['id'],
};

export const deadLetterRow = (l: DeadLetter): SqlValue[] => [
  l.id, l.stage, l.error.code, l.attempts, l.firstFailureAt, l.lastFailureAt, turkiyeDay(l.lastFailureAt), l.declarationId ?? null, l.version ?? null, l.customsOffice ?? null, l.replays.length,
];

/** Keeps the last row per key: one INSERT OR REPLACE statement may not touch the same key twice. */
export function lastPerKey(spec: TableRows, rows: readonly SqlValue[][]): SqlValue[][] {
  const idx = spec.key.map((k) => spec.columns.indexOf(k));
  const byKey = new Map<string, SqlValue[]>();
  for (const row of rows) byKey.set(idx.map((i) => String(row[i])).join('\u0000'), row);
  return [...byKey.values()];
}
