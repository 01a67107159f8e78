import { parseArgs } from 'node:util';
import { names } from '@tareks/schemas';
import { loadConfig } from '../config/config.js';
import { connectNats, ensureStreams } from '../infra/nats.js';
import { createLogger } from '../infra/logger.js';
import { startWarehouse } from './warehouse.js';

const USAGE = `usage: node hub/dist/warehouse/warehouse.cli.js <rebuild|sync> [--path FILE] [--timeout-ms N]
  rebuild  empty the DuckDB file and read every stream again from its start, then exit
  sync     bring the file up to date with the streams, then exit
Stop the process that holds the file (the warehouse role) first: DuckDB lets one process open it.
NATS_URL and TAREKS_NAMESPACE select the hub; the file defaults to WAREHOUSE_PATH or data/warehouse.duckdb.`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { path: { type: 'string' }, 'timeout-ms': { type: 'string' } } });
  const command = positionals[0];
  if (command !== 'rebuild' && command !== 'sync') {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, 'tareks-warehouse');
  const n = names(config.TAREKS_NAMESPACE);
  const nats = await connectNats(config.NATS_URL, 'tareks-warehouse-cli', logger);
  try {
    await ensureStreams(nats.jsm, n);
    const started = Date.now();
    const warehouse = await startWarehouse({
      js: nats.js, jsm: nats.jsm, names: n, logger, rebuild: command === 'rebuild',
      path: values.path ?? process.env.WAREHOUSE_PATH ?? 'data/warehouse.duckdb',
    });
    try {
      await warehouse.waitCaughtUp(Number(values['timeout-ms'] ?? 3_600_000));
    } finally {
      await warehouse.stop();
    }
    logger.info({ command, ms: Date.now() - started, skipped: warehouse.skipped() }, 'warehouse up to date');
  } finally {
    await nats.nc.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
