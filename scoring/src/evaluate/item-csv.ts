import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ITEM_COLUMNS, type ItemRow } from '../features/item-row.js';
import { EvaluateError, EVALUATE_ERROR_CODES as E } from './evaluate.errors.js';

const UNITS = new Set(['ADET', 'KG', 'CIFT', 'M2', 'LT']);
const KINDS = new Set(['IMPORT', 'EXPORT']);
const DOMAINS = new Set(['PRODUCT_SAFETY', 'AGRI_QUALITY']);

/** Parses an evaluation file (UTF-8, RFC 4180, header row with exactly the protocol's columns). */
export function parseItemCsv(text: string): ItemRow[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (cause) {
    throw new EvaluateError(E.csvSyntax, `not RFC 4180 CSV: ${(cause as Error).message}`, { cause });
  }
  const [header, ...body] = records;
  if (!header || header.join(',') !== ITEM_COLUMNS.join(',')) {
    throw new EvaluateError(E.csvHeader, `header must be exactly: ${ITEM_COLUMNS.join(',')}`);
  }
  return body.map((r, i) => toRow(r, i + 2));
}

function toRow(r: string[], line: number): ItemRow {
  const field = (col: (typeof ITEM_COLUMNS)[number]): string => r[ITEM_COLUMNS.indexOf(col)]!;
  const fail = (col: string, why: string): never => {
    throw new EvaluateError(E.csvField, `record ${line}, column ${col}: ${why}`);
  };
  const num = (col: (typeof ITEM_COLUMNS)[number]): number => {
    const v = field(col).trim();
    const x = Number(v);
    return v === '' || !Number.isFinite(x) ? fail(col, `not a number: '${v}'`) : x;
  };
  const flag = (col: (typeof ITEM_COLUMNS)[number]): boolean => {
    const v = field(col).trim();
    return v === '1' ? true : v === '0' ? false : fail(col, `expected 1 or 0, got '${v}'`);
  };
  const date = field('date').trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) fail('date', `not YYYY-MM-DD: '${date}'`);
  const kind = field('kind').trim();
  const domain = field('domain').trim();
  if (!KINDS.has(kind)) fail('kind', `'${kind}'`);
  if (!DOMAINS.has(domain)) fail('domain', `'${domain}'`);
  const unit = field('unit').trim();
  if (!UNITS.has(unit)) fail('unit', `'${unit}'`);
  const ce = field('ce_marked').trim();
  return {
    declarationId: field('declaration_id'),
    itemNo: num('item_no'),
    date,
    kind: kind as ItemRow['kind'],
    domain: domain as ItemRow['domain'],
    customsOffice: field('customs_office').trim(),
    traderId: field('trader_id').trim(),
    declarantId: field('declarant_id').trim(),
    gtip: field('gtip').trim(),
    originCountry: field('origin_country').trim().toUpperCase(),
    quantity: num('quantity'),
    unit: unit as ItemRow['unit'],
    netMassKg: num('net_mass_kg'),
    valueUsd: num('value_usd'),
    brand: field('brand'),
    ceMarked: ce === '' ? null : flag('ce_marked'),
    documentCount: num('document_count'),
    nonCompliant: flag('non_compliant'),
  };
}

const b = (x: boolean): string => (x ? '1' : '0');

/** Serialises rows as the protocol's CSV: header, CRLF, quoting only where needed. */
export function stringifyItemCsv(rows: Iterable<ItemRow>, withHeader = true): string {
  const records: string[][] = [];
  for (const x of rows) {
    records.push([
      x.declarationId, String(x.itemNo), x.date, x.kind, x.domain, x.customsOffice, x.traderId, x.declarantId, x.gtip, x.originCountry,
      String(x.quantity), x.unit, String(x.netMassKg), String(x.valueUsd), x.brand, x.ceMarked === null ? '' : b(x.ceMarked),
      String(x.documentCount), b(x.nonCompliant),
    ]);
  }
  return stringify(records, { header: withHeader, columns: withHeader ? [...ITEM_COLUMNS] : undefined, record_delimiter: 'windows' });
}
