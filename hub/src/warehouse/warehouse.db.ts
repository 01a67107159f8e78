import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { WAREHOUSE_DDL, WAREHOUSE_TABLES } from './warehouse.schema.js';

export type SqlValue = string | number | boolean | null;
export type Row = Record<string, string | number | boolean | null>;

/** One DuckDB file: the reports' read model. A file is opened by one process at a time (DuckDB's own lock). */
export class WarehouseDb {
  /** Writers take turns: DuckDB would refuse concurrent transactions touching the same rows anyway. */
  private writes: Promise<unknown> = Promise.resolve();

  private constructor(private readonly instance: DuckDBInstance) {}

  /** Opens (creating when missing) the file and its tables; `:memory:` gives a throw-away database. */
  static async open(path: string, threads?: number): Promise<WarehouseDb> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const instance = await DuckDBInstance.create(path, {
      // Nothing may be downloaded at run time: the extensions we use (icu, json, parquet) are built in.
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      ...(threads ? { threads: String(threads) } : {}),
    });
    const db = new WarehouseDb(instance);
    await db.withConnection(async (c) => {
      for (const ddl of WAREHOUSE_DDL) await c.run(ddl);
    });
    return db;
  }

  /** A connection of its own for the duration of `fn` (DuckDB connections are cheap; each runs one statement at a time). */
  async withConnection<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const c = await this.instance.connect();
    try {
      return await fn(c);
    } finally {
      c.closeSync();
    }
  }

  /** Rows as plain objects; cast counts to INTEGER/DOUBLE and dates to VARCHAR in SQL so they arrive as JS numbers and strings. */
  async query<T extends Row = Row>(sql: string, values: SqlValue[] = []): Promise<T[]> {
    return this.withConnection(async (c) => (await c.runAndReadAll(sql, values as DuckDBValue[])).getRowObjectsJS() as T[]);
  }

  /** Runs `fn` in one transaction on a fresh connection, after the writes before it: all of it or nothing. */
  transaction(fn: (c: DuckDBConnection) => Promise<void>): Promise<void> {
    const run = this.writes.then(() =>
      this.withConnection(async (c) => {
        await c.run('BEGIN TRANSACTION');
        try {
          await fn(c);
          await c.run('COMMIT');
        } catch (err) {
          await c.run('ROLLBACK').catch(() => undefined);
          throw err;
        }
      }),
    );
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** Empties every table (for a rebuild from the streams). */
  async truncate(): Promise<void> {
    await this.transaction(async (c) => {
      for (const t of WAREHOUSE_TABLES) await c.run(`DELETE FROM ${t}`);
    });
  }

  close(): void {
    this.instance.closeSync();
  }
}

/** Name of the connection-local table that holds a batch's rows for `table`. */
export const stageOf = (table: string): string => `stage_${table}`;

type StageType = 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'VARCHAR';

/** Timestamps and dates are staged as text: INSERT … SELECT casts them, which is cheaper than the appender's per-value casts. */
const stageType = (dataType: string): StageType =>
  dataType === 'INTEGER' || dataType === 'DOUBLE' || dataType === 'BOOLEAN' ? dataType : 'VARCHAR';

function append(appender: DuckDBAppender, type: StageType, v: SqlValue): void {
  if (v === null) appender.appendNull();
  else if (type === 'INTEGER') appender.appendInteger(v as number);
  else if (type === 'DOUBLE') appender.appendDouble(v as number);
  else if (type === 'BOOLEAN') appender.appendBoolean(v as boolean);
  else appender.appendVarchar(String(v));
}

/** Rows appended between two yields to the event loop: a batch of thousands must not hold up the hub's other work. */
const ROWS_PER_SLICE = 200;

/**
 * Loads rows (column-ordered like `columns`) into a temporary `stage_<table>` through DuckDB's appender, with typed
 * appends: binding the same rows as statement parameters costs ~250 µs a row, untyped appends ~100 µs. The appends
 * are synchronous, so they go in slices with the event loop free in between.
 */
export async function stageRows(c: DuckDBConnection, table: string, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void> {
  const described = await c.runAndReadAll(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main'`,
    [table],
  );
  const typeOf = new Map(described.getRows().map(([name, type]) => [String(name), stageType(String(type))]));
  const types = columns.map((col) => typeOf.get(col) ?? 'VARCHAR');
  const stage = stageOf(table);
  await c.run(`CREATE OR REPLACE TEMP TABLE ${stage} (${columns.map((col, i) => `${col} ${types[i]}`).join(', ')})`);
  const appender = await c.createAppender(stage, 'main', 'temp');
  try {
    for (let r = 0; r < rows.length; r++) {
      if (r > 0 && r % ROWS_PER_SLICE === 0) await setImmediate();
      const row = rows[r]!;
      for (let i = 0; i < types.length; i++) append(appender, types[i]!, row[i] ?? null);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
