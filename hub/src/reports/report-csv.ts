import { stringify } from 'csv-stringify/sync';

/**
 * RFC 4180 CSV with a header row and a UTF-8 byte-order mark, so spreadsheet programs read Turkish letters right.
 * Numbers keep the dot as decimal separator (machine-readable); null becomes an empty cell.
 */
export function toCsv(rows: ReadonlyArray<Record<string, unknown>>, columns: readonly string[]): string {
  return stringify(rows as Array<Record<string, unknown>>, { header: true, bom: true, columns: [...columns], cast: { boolean: (b) => (b ? 'true' : 'false') } });
}
