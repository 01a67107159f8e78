import { setTimeout as sleep } from 'node:timers/promises';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { Names } from '@tareks/schemas';
import { StreamProjection } from './stream-projection.js';
import { WarehouseDb } from './warehouse.db.js';
import { WarehouseBehindError } from './warehouse.errors.js';
import { warehouseProjections } from './warehouse.projections.js';

export interface WarehouseOptions {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly names: Names;
  readonly logger: Logger;
  /** DuckDB file, e.g. `data/warehouse.duckdb`; one process opens it at a time. */
  readonly path: string;
  /** Durable consumer name prefix; a second warehouse file on the same streams needs another. Default `warehouse`. */
  readonly durablePrefix?: string;
  /** Messages written per transaction (larger batches share each lookup scan). Default 1000. */
  readonly batchSize?: number;
  /** DuckDB worker threads. Default: one per core. */
  readonly threads?: number;
  /** Empty the file first and read every stream again from its start. Default false. */
  readonly rebuild?: boolean;
}

export interface RunningWarehouse {
  readonly db: WarehouseDb;
  /** Resolves once every message already in the streams is in the file; rejects after `timeoutMs` (default 60 s). */
  waitCaughtUp(timeoutMs?: number): Promise<void>;
  /** Messages left out because they were not the contract. */
  skipped(): number;
  stop(): Promise<void>;
}

/** Poll interval of `waitCaughtUp`. */
const CATCH_UP_POLL_MS = 100;

/** The reports' read model: a DuckDB file fed by durable consumers of declarations, decisions, outcomes, authorizations and dead letters. */
export async function startWarehouse(o: WarehouseOptions): Promise<RunningWarehouse> {
  const db = await WarehouseDb.open(o.path, o.threads);
  if (o.rebuild) {
    await db.truncate();
    o.logger.info({ path: o.path }, 'warehouse emptied, rebuilding from the streams');
  }
  const deps = { js: o.js, jsm: o.jsm, db, logger: o.logger, durablePrefix: o.durablePrefix ?? 'warehouse', batchSize: o.batchSize ?? 1000 };
  const projections = warehouseProjections(o.names).map((spec) => new StreamProjection(deps, spec));
  for (const p of projections) await p.start();
  return {
    db,
    async waitCaughtUp(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const states = await Promise.all(projections.map((p) => p.caughtUp()));
        if (states.every(Boolean)) return;
        if (Date.now() > deadline) throw new WarehouseBehindError(timeoutMs);
        await sleep(CATCH_UP_POLL_MS);
      }
    },
    skipped: () => projections.reduce((n, p) => n + p.skipped, 0),
    async stop() {
      await Promise.all(projections.map((p) => p.stop()));
      db.close();
    },
  };
}
