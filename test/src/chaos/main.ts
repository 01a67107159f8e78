import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chaosOptionsFromEnv, CHAOS_DEFAULTS } from './chaos-options.js';
import { printChaosReport } from './chaos-report.js';
import { killChildrenOnSignal } from './managed-process.js';
import { runChaos } from './run-chaos.js';

const OUT = fileURLToPath(new URL('../../../bench-results/chaos.json', import.meta.url));
const LOGS = fileURLToPath(new URL('../../../test-artifacts/chaos', import.meta.url));

/** `npm run test:chaos`: the full run (10,000 declarations unless CHAOS_DECLARATIONS says otherwise); exit 1 on a violation. */
async function main(): Promise<void> {
  killChildrenOnSignal();
  const options = chaosOptionsFromEnv(process.env, { ...CHAOS_DEFAULTS, declarations: 10_000 });
  console.log(`chaos run: ${options.declarations} declarations, logs in ${LOGS}`);
  const report = await runChaos(options, { logDir: LOGS });
  printChaosReport({ ...report, settings: { ...report.settings, cpus: cpus().length, node: process.version } }, OUT);
  process.exitCode = report.counts.violations.length ? 1 : 0;
}

await main();
