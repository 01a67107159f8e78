import type { AuditRecord } from '@tareks/schemas';

const COLUMNS = ['id', 'at', 'actor_kind', 'actor_id', 'action', 'target', 'result', 'details'] as const;

/**
 * One CSV field (RFC 4180 quoting). A leading `= + - @` is neutralised with an apostrophe so a spreadsheet never runs
 * a cell as a formula (CSV injection: targets and details can carry caller-chosen text).
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Audit records as CSV with a header row, CRLF line ends. */
export function auditToCsv(records: readonly AuditRecord[]): string {
  const rows = records.map((r) => [r.id, r.at, r.actor.kind, r.actor.id, r.action, r.target, r.result, JSON.stringify(r.details)].map(field).join(','));
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
