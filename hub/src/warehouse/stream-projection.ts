import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Logger } from 'pino';
import { stageOf, stageRows, type SqlValue, type WarehouseDb } from './warehouse.db.js';
import { lastPerKey, type TableRows } from './warehouse.rows.js';

export interface ProjectionSpec {
  /** Short name: the durable consumer is `<prefix>-<name>`. */
  readonly name: string;
  readonly stream: string;
  readonly filterSubject?: string;
  /** Rows for each table from one message body; throws when the body is not the contract (the message is then skipped). */
  readonly rows: (body: unknown) => ReadonlyArray<readonly [TableRows, SqlValue[][]]>;
  /** Moves a table's staged rows (in `stage_<table>`) into it; default a plain INSERT OR REPLACE of the staged columns. */
  readonly insert?: (spec: TableRows) => string | null;
  /** Runs after a batch's rows are written, in the same transaction, with the stage tables still there. */
  readonly after?: (c: DuckDBConnection, tables: ReadonlyMap<TableRows, SqlValue[][]>) => Promise<void>;
}

export interface ProjectionDeps {
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly db: WarehouseDb;
  readonly logger: Logger;
  /** Durable name prefix; each warehouse file needs its own. */
  readonly durablePrefix: string;
  /** Messages applied per transaction. */
  readonly batchSize: number;
}

/** How long one fetch waits for messages when the stream is idle; also bounds how long `stop()` takes. */
const FETCH_EXPIRES_MS = 1_000;
/** Messages read into rows between two yields to the event loop (parsing and checking them is synchronous). */
const MESSAGES_PER_SLICE = 100;
/** Pause before retrying a batch the database refused (disk full, file locked…). */
const RETRY_DELAY_MS = 1_000;

/**
 * Feeds one stream into the warehouse through a durable pull consumer: a batch is written in one transaction together
 * with its last stream sequence, then acknowledged (AckAll). At start, a consumer that is ahead of the file (file lost or
 * emptied for a rebuild) is recreated from the file's position, so the file never misses a message.
 */
export class StreamProjection {
  private stopped = false;
  private fetching: ConsumerMessages | null = null;
  private loop: Promise<void> | null = null;
  private position = 0;
  skipped = 0;

  constructor(
    private readonly deps: ProjectionDeps,
    readonly spec: ProjectionSpec,
  ) {}

  get durable(): string {
    return `${this.deps.durablePrefix}-${this.spec.name}`;
  }

  async start(): Promise<void> {
    const rows = await this.deps.db.query<{ last_seq: number }>('SELECT CAST(last_seq AS DOUBLE) AS last_seq FROM projection_positions WHERE stream = ?', [this.spec.stream]);
    this.position = rows[0]?.last_seq ?? 0;
    await this.alignConsumer();
    const consumer = await this.deps.js.consumers.get(this.spec.stream, this.durable);
    this.loop = (async () => {
      while (!this.stopped) {
        try {
          this.fetching = await consumer.fetch({ max_messages: this.deps.batchSize, expires: FETCH_EXPIRES_MS });
          const batch: JsMsg[] = [];
          for await (const m of this.fetching) batch.push(m);
          if (batch.length > 0) await this.applyUntilDone(batch);
        } catch (err) {
          if (this.stopped) break;
          this.deps.logger.warn({ err, stream: this.spec.stream }, 'warehouse fetch failed, retrying');
          await sleep(RETRY_DELAY_MS);
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.fetching?.close();
    await this.loop;
  }

  /** True when every message of the stream (matching the filter) is in the file. */
  async caughtUp(): Promise<boolean> {
    const info = await this.deps.jsm.consumers.info(this.spec.stream, this.durable);
    return info.num_pending === 0 && info.num_ack_pending === 0;
  }

  private async alignConsumer(): Promise<void> {
    const { jsm } = this.deps;
    const existing = await jsm.consumers.info(this.spec.stream, this.durable).catch(() => null);
    if (existing && existing.ack_floor.stream_seq <= this.position) return;
    if (existing) {
      this.deps.logger.warn({ stream: this.spec.stream, consumerAt: existing.ack_floor.stream_seq, fileAt: this.position }, 'warehouse file is behind its consumer, reading the stream again from the file position');
      await jsm.consumers.delete(this.spec.stream, this.durable);
    }
    await jsm.consumers.add(this.spec.stream, {
      durable_name: this.durable,
      ack_policy: AckPolicy.All,
      ack_wait: 60e9,
      max_ack_pending: this.deps.batchSize * 4,
      ...(this.spec.filterSubject ? { filter_subject: this.spec.filterSubject } : {}),
      ...(this.position > 0 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: this.position + 1 } : { deliver_policy: DeliverPolicy.All }),
    });
  }

  /** The engine owns retries: a batch the database refuses is retried until it goes in or the projection stops. */
  private async applyUntilDone(batch: JsMsg[]): Promise<void> {
    const tables = await this.collect(batch);
    const last = batch[batch.length - 1]!;
    for (;;) {
      try {
        await this.write(tables, last.seq);
        this.position = last.seq;
        last.ack();
        return;
      } catch (err) {
        if (this.stopped) return;
        this.deps.logger.error({ err, stream: this.spec.stream, seq: last.seq }, 'warehouse write failed, retrying');
        await sleep(RETRY_DELAY_MS);
      }
    }
  }

  private async collect(batch: JsMsg[]): Promise<Map<TableRows, SqlValue[][]>> {
    const tables = new Map<TableRows, SqlValue[][]>();
    for (const [n, msg] of batch.entries()) {
      if (n > 0 && n % MESSAGES_PER_SLICE === 0) await setImmediate();
      if (msg.seq <= this.position) continue;
      try {
        for (const [spec, rows] of this.spec.rows(msg.json())) {
          const list = tables.get(spec) ?? [];
          list.push(...rows);
          tables.set(spec, list);
        }
      } catch (err) {
        this.skipped++;
        this.deps.logger.error({ err, stream: this.spec.stream, seq: msg.seq, subject: msg.subject }, 'message is not the contract, left out of the warehouse');
      }
    }
    for (const [spec, rows] of tables) tables.set(spec, lastPerKey(spec, rows));
    return tables;
  }

  private async write(tables: ReadonlyMap<TableRows, SqlValue[][]>, lastSeq: number): Promise<void> {
    await this.deps.db.transaction(async (c) => {
      for (const [spec, rows] of tables) {
        await stageRows(c, spec.table, spec.columns, rows);
        const cols = spec.columns.join(', ');
        await c.run(this.spec.insert?.(spec) ?? `INSERT OR REPLACE INTO ${spec.table} (${cols}) SELECT ${cols} FROM ${stageOf(spec.table)}`);
      }
      if (tables.size > 0) await this.spec.after?.(c, tables);
      await c.run('INSERT OR REPLACE INTO projection_positions VALUES (?, ?, now())', [this.spec.stream, lastSeq]);
    });
  }
}
