import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { connectorList } from '../connectors.js';
import { withConfigTable } from '../shared/config-spec.js';

/** README of a connector, beside its sources: connectors/src/<registry>/README.md. */
export const readmePath = (registry: string): string => fileURLToPath(new URL(`../../src/${registry}/README.md`, import.meta.url));

/**
 * Regenerates the config table of every connector README from its config spec.
 * `--check` changes nothing and exits 1 when a README is out of date (for CI).
 */
async function main(check: boolean): Promise<number> {
  let stale = 0;
  for (const def of connectorList()) {
    const path = readmePath(def.registry);
    const current = await readFile(path, 'utf8');
    const next = withConfigTable(current, def.spec);
    if (next === current) continue;
    stale++;
    if (check) console.error(`${path}: config table is out of date (run npm run readme -w @tareks/connectors)`);
    else await writeFile(path, next);
  }
  return check && stale > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.includes('--check'));
