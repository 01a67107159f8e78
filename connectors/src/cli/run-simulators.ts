import { readFile } from 'node:fs/promises';
import { RegistryPopulation, compile, type RegistryName } from '@tareks/schemas';
import { pino } from 'pino';
import { connectorList } from '../connectors.js';
import { seedPopulation } from '../simulator/seed-population.js';
import { startRegistrySimulators } from '../simulators.js';

const validPopulation = compile<RegistryPopulation>(RegistryPopulation);

/**
 * Runs the three registry simulators where `KPS_URL`, `MERSIS_URL` and `ESBIS_URL` point (so clients configured the
 * same way find them), serving `REGISTRY_POPULATION_FILE` (a RegistryPopulation JSON) or a seeded population.
 * Stops on SIGINT / SIGTERM.
 */
async function main(): Promise<void> {
  const logger = pino({ name: 'registry-simulators' });
  const file = process.env['REGISTRY_POPULATION_FILE'];
  let population: RegistryPopulation = seedPopulation();
  if (file) {
    const v = validPopulation(JSON.parse(await readFile(file, 'utf8')));
    if (!v.ok) throw new Error(`${file} is not a RegistryPopulation: ${JSON.stringify(v.errors.slice(0, 3))}`);
    population = v.value;
  }
  const ports: Partial<Record<RegistryName, number>> = {};
  let host = '127.0.0.1';
  for (const def of connectorList()) {
    const url = new URL(def.readConfig().url);
    host = url.hostname;
    ports[def.registry] = Number(url.port);
  }
  const sims = await startRegistrySimulators({ population, host, ports, logger });
  logger.info({ urls: sims.urls, persons: population.persons.length, companies: population.companies.length, tradesmen: population.tradesmen.length }, 'registry simulators listening');
  const stop = (): void => void sims.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
