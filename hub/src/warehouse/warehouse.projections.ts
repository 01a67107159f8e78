import type { DuckDBConnection } from '@duckdb/node-api';
import {
  AuthorizationRecord, AuthorizationResult, compile, DeadLetter, Decision, InspectionOutcome, ReceivedDeclaration,
  type Names, type Validation,
} from '@tareks/schemas';
import { stageOf, type SqlValue } from './warehouse.db.js';
import type { ProjectionSpec } from './stream-projection.js';
import {
  AUTHORIZATIONS, authorizationRow, DEAD_LETTERS, deadLetterRow, DECISION_ITEMS, decisionRows, DECLARATION_ITEMS, DECLARATIONS,
  declarationRows, OUTCOMES, outcomeRow, type TableRows,
} from './warehouse.rows.js';

/** Returns the body typed when it is the contract, throws the validation details otherwise. */
function checked<T>(schema: object): (body: unknown) => T {
  const validate = compile<T>(schema);
  return (body) => {
    const v: Validation<T> = validate(body);
    if (!v.ok) throw new Error(v.errors.map((e) => `${e.pointer} ${e.code}`).join('; '));
    return v.value;
  };
}

const asDecision = checked<Decision>(Decision);
const asReceived = checked<ReceivedDeclaration>(ReceivedDeclaration);
const asOutcome = checked<InspectionOutcome>(InspectionOutcome);
const asDeadLetter = checked<DeadLetter>(DeadLetter);
const asAuthorization = checked<AuthorizationResult | AuthorizationRecord>({ anyOf: [AuthorizationResult, AuthorizationRecord] });

const ITEM_KEY = (a: string, b: string): string => `${a}.declaration_id = ${b}.declaration_id AND ${a}.version = ${b}.version AND ${a}.item_no = ${b}.item_no`;

/**
 * New item decisions take what is already known of their declaration (product, origin, trader) and outcome, and whether a
 * newer version of the declaration exists (then they are superseded and reports leave them out).
 */
const DECISION_INSERT = (): string => {
  const stage = stageOf(DECISION_ITEMS.table);
  return `INSERT OR REPLACE INTO decision_items (${DECISION_ITEMS.columns.join(', ')}, gtip, chapter, origin, trader_tax_id, outcome, non_compliant, superseded)
    SELECT ${DECISION_ITEMS.columns.map((c) => `s.${c}`).join(', ')}, i.gtip, i.chapter, i.origin, x.trader_tax_id, o.result, o.non_compliant, coalesce(s.version < h.v, false)
    FROM ${stage} s
      LEFT JOIN declaration_items i ON ${ITEM_KEY('i', 's')}
      LEFT JOIN declarations x ON x.declaration_id = s.declaration_id AND x.version = s.version
      LEFT JOIN outcomes o ON ${ITEM_KEY('o', 's')}
      LEFT JOIN (SELECT declaration_id, max(version) AS v FROM decision_items
                 WHERE declaration_id IN (SELECT declaration_id FROM ${stage}) GROUP BY declaration_id) h ON h.declaration_id = s.declaration_id`;
};

/** A batch with a newer version marks the older versions' items superseded. */
async function supersedeOlder(c: DuckDBConnection, tables: ReadonlyMap<TableRows, SqlValue[][]>): Promise<void> {
  if (!(tables.get(DECISION_ITEMS) ?? []).some((r) => (r[1] as number) > 1)) return;
  await c.run(`UPDATE decision_items SET superseded = true
    FROM (SELECT declaration_id, max(version) AS v FROM ${stageOf(DECISION_ITEMS.table)} GROUP BY declaration_id) m
    WHERE decision_items.declaration_id = m.declaration_id AND decision_items.version < m.v`);
}

/** A declaration that arrives after its decision fills the decision's product, origin and trader. */
async function fillFromDeclarations(c: DuckDBConnection): Promise<void> {
  await c.run(`UPDATE decision_items SET gtip = i.gtip, chapter = i.chapter, origin = i.origin, trader_tax_id = x.trader_tax_id
    FROM ${stageOf(DECLARATION_ITEMS.table)} i JOIN ${stageOf(DECLARATIONS.table)} x ON x.declaration_id = i.declaration_id AND x.version = i.version
    WHERE ${ITEM_KEY('decision_items', 'i')}`);
}

/** An inspection outcome (or a corrected one) lands on its item decision. */
async function fillOutcomes(c: DuckDBConnection): Promise<void> {
  await c.run(`UPDATE decision_items SET outcome = o.result, non_compliant = o.non_compliant
    FROM ${stageOf(OUTCOMES.table)} o WHERE ${ITEM_KEY('decision_items', 'o')}`);
}

/** What each stream of record contributes to the warehouse. */
export function warehouseProjections(n: Names): ProjectionSpec[] {
  return [
    {
      name: 'declarations',
      stream: n.streams.declarations,
      filterSubject: n.subjects.declReceived,
      rows: (body) => {
        const { declaration, items } = declarationRows(asReceived(body));
        return [[DECLARATIONS, [declaration]], [DECLARATION_ITEMS, items]];
      },
      after: fillFromDeclarations,
    },
    {
      name: 'decisions',
      stream: n.streams.decisions,
      rows: (body) => [[DECISION_ITEMS, decisionRows(asDecision(body))]],
      insert: (spec) => (spec === DECISION_ITEMS ? DECISION_INSERT() : null),
      after: supersedeOlder,
    },
    { name: 'outcomes', stream: n.streams.outcomes, rows: (body) => [[OUTCOMES, [outcomeRow(asOutcome(body))]]], after: fillOutcomes },
    { name: 'authorizations', stream: n.streams.authorizations, rows: (body) => [[AUTHORIZATIONS, [authorizationRow(asAuthorization(body))]]] },
    { name: 'dead-letters', stream: n.streams.deadLetters, rows: (body) => [[DEAD_LETTERS, [deadLetterRow(asDeadLetter(body))]]] },
  ];
}
