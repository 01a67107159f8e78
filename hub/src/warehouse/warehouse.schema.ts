/**
 * The read model of the reports. Every table is keyed like its source so a redelivered or replayed message
 * overwrites its own row (INSERT OR REPLACE); `projection_positions` holds the last stream sequence applied,
 * written in the same transaction as the rows, so the file always knows where it stands.
 */
export const WAREHOUSE_DDL = [
  `CREATE TABLE IF NOT EXISTS declarations (
    declaration_id VARCHAR NOT NULL, version INTEGER NOT NULL,
    kind VARCHAR, domain VARCHAR, customs_office VARCHAR,
    trader_tax_id VARCHAR, trader_name VARCHAR,
    submitted_at TIMESTAMPTZ, received_at TIMESTAMPTZ, protocol VARCHAR, item_count INTEGER,
    PRIMARY KEY (declaration_id, version))`,
  `CREATE TABLE IF NOT EXISTS declaration_items (
    declaration_id VARCHAR NOT NULL, version INTEGER NOT NULL, item_no INTEGER NOT NULL,
    gtip VARCHAR, chapter VARCHAR, origin VARCHAR, description VARCHAR,
    value_amount DOUBLE, currency VARCHAR, net_mass_kg DOUBLE, ce_marked BOOLEAN,
    PRIMARY KEY (declaration_id, version, item_no))`,
  // The fact table of every report: one row per decided item, with the declaration's product, origin and trader and the
  // item's inspection outcome copied in (whichever of the three streams arrives last fills them), so reports scan one table.
  `CREATE TABLE IF NOT EXISTS decision_items (
    declaration_id VARCHAR NOT NULL, version INTEGER NOT NULL, item_no INTEGER NOT NULL,
    first_item BOOLEAN NOT NULL, customs_office VARCHAR, kind VARCHAR, domain VARCHAR,
    declaration_lane VARCHAR, lane VARCHAR, score DOUBLE, selection_cause VARCHAR, top_reason VARCHAR,
    model_version VARCHAR, received_at TIMESTAMPTZ, decided_at TIMESTAMPTZ, day DATE, total_ms DOUBLE,
    gtip VARCHAR, chapter VARCHAR, origin VARCHAR, trader_tax_id VARCHAR, outcome VARCHAR, non_compliant BOOLEAN,
    superseded BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (declaration_id, version, item_no))`,
  `CREATE TABLE IF NOT EXISTS outcomes (
    declaration_id VARCHAR NOT NULL, version INTEGER NOT NULL, item_no INTEGER NOT NULL,
    inspector VARCHAR, result VARCHAR, non_compliant BOOLEAN, finding_codes VARCHAR, inspected_at TIMESTAMPTZ,
    PRIMARY KEY (declaration_id, version, item_no))`,
  `CREATE TABLE IF NOT EXISTS authorizations (
    request_id VARCHAR PRIMARY KEY, status VARCHAR, reason_codes VARCHAR, decided_at TIMESTAMPTZ, day DATE)`,
  `CREATE TABLE IF NOT EXISTS dead_letters (
    id VARCHAR PRIMARY KEY, stage VARCHAR, code VARCHAR, attempts INTEGER,
    first_failure_at TIMESTAMPTZ, last_failure_at TIMESTAMPTZ, day DATE,
    declaration_id VARCHAR, version INTEGER, customs_office VARCHAR, replays INTEGER)`,
  `CREATE TABLE IF NOT EXISTS projection_positions (stream VARCHAR PRIMARY KEY, last_seq BIGINT NOT NULL, updated_at TIMESTAMPTZ NOT NULL)`,
];

/** Tables a rebuild empties (positions included, so every stream is read again from its start). */
export const WAREHOUSE_TABLES = ['declarations', 'declaration_items', 'decision_items', 'outcomes', 'authorizations', 'dead_letters', 'projection_positions'] as const;
