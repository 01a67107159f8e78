import type { Domain, Kind, Unit } from '@tareks/schemas';

/** The item-level evaluation file's columns, in this order (EVALUATION-PROTOCOL.md). */
export const ITEM_COLUMNS = [
  'declaration_id', 'item_no', 'date', 'kind', 'domain', 'customs_office', 'trader_id', 'declarant_id', 'gtip', 'origin_country',
  'quantity', 'unit', 'net_mass_kg', 'value_usd', 'brand', 'ce_marked', 'document_count', 'non_compliant',
] as const;

/** One declaration item as the evaluation and the features see it. */
export interface ItemRow {
  readonly declarationId: string;
  readonly itemNo: number;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly kind: Kind;
  readonly domain: Domain;
  readonly customsOffice: string;
  readonly traderId: string;
  readonly declarantId: string;
  readonly gtip: string;
  readonly originCountry: string;
  readonly quantity: number;
  readonly unit: Unit;
  readonly netMassKg: number;
  readonly valueUsd: number;
  /** Empty when the item declares none. */
  readonly brand: string;
  /** null for agricultural items (no CE regime). */
  readonly ceMarked: boolean | null;
  readonly documentCount: number;
  /** Ground truth; never read by features except through revealed history. */
  readonly nonCompliant: boolean;
}
