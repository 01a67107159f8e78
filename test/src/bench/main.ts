import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createWorld } from '@tareks/scoring';
import { submitDeclarationEnvelope } from '@tareks/adapters';
import { startHubProcess } from '../support/hub-process.js';
import { benchConnectors } from './connectors.bench.js';
import { benchModel } from './model.bench.js';
import { benchWarehouse } from './warehouse.bench.js';
import { rawBullmq, rawFastifyJetStream } from './baselines.bench.js';
import type { BenchRow } from './bench-row.js';
import { runE2e, type BodyEncoder, type E2eFigures, type E2eRun } from './pipeline.bench.js';
import { report } from './report.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const SATURATION_CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const OUT = fileURLToPath(new URL('../../../bench-results/bench.json', import.meta.url));

const restBody: BodyEncoder = (d) => JSON.stringify(d);
const soapBody: BodyEncoder = (d) => submitDeclarationEnvelope(d);

function e2eRows(f: E2eFigures, raw: number): BenchRow[] {
  const label = `${f.protocol} ${f.rate ? `${f.rate}/s offered` : `saturation (${f.connections} conn.)`}`;
  return [
    { group: 'end-to-end', name: `${label}: decisions/s`, value: f.decisionsPerSec, unit: 'decisions/s', ...(f.rate ? {} : { baseline: { name: 'raw Fastify+JetStream req/s', value: raw } }), notes: `accepted ${f.accepted}, decided ${f.decided}, lost ${f.lost}` },
    { group: 'end-to-end', name: `${label}: latency p50`, value: f.p50Ms, unit: 'ms' },
    { group: 'end-to-end', name: `${label}: latency p99`, value: f.p99Ms, unit: 'ms' },
    { group: 'end-to-end', name: `${label}: HTTP p99`, value: f.httpP99Ms, unit: 'ms' },
  ];
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const hub = await startHubProcess({ RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'warn' });
  try {
    const warm: E2eRun = { protocol: 'REST', rate: 200, durationSec: 3, connections: 16 };
    await runE2e(hub.url, hub.ns, warm, restBody);
    const runs: E2eRun[] = [
      { protocol: 'REST', rate: 100, durationSec: DURATION, connections: 16 },
      { protocol: 'REST', rate: 500, durationSec: DURATION, connections: 32 },
      { protocol: 'REST', rate: null, durationSec: DURATION, connections: SATURATION_CONNECTIONS },
      { protocol: 'SOAP', rate: 100, durationSec: DURATION, connections: 16 },
      { protocol: 'SOAP', rate: 500, durationSec: DURATION, connections: 32 },
      { protocol: 'SOAP', rate: null, durationSec: DURATION, connections: SATURATION_CONNECTIONS },
    ];
    const figures: E2eFigures[] = [];
    for (const run of runs) figures.push(await runE2e(hub.url, hub.ns, run, run.protocol === 'REST' ? restBody : soapBody));
    await hub.stop();
    const sampleBody = restBody(createWorld({ seed: 7, withDocuments: false }).nextDeclaration(new Date()).declaration);
    const raw = await rawFastifyJetStream(sampleBody, DURATION, SATURATION_CONNECTIONS);
    rows.push({ group: 'baseline', name: 'raw Fastify + awaited JetStream publish', value: raw.reqPerSec, unit: 'req/s', notes: `p50 ${raw.p50Ms} ms, p99 ${raw.p99Ms} ms` });
    const bull = await rawBullmq(20_000, 50);
    rows.push({ group: 'baseline', name: 'raw BullMQ add + no-op process (concurrency 50)', value: bull, unit: 'jobs/s' });
    for (const f of figures) rows.push(...e2eRows(f, raw.reqPerSec));
  } finally {
    await hub.dispose();
  }
  rows.push(...(await benchConnectors()));
  rows.push(...(await benchModel()));
  rows.push(...(await benchWarehouse()));
  report(rows, OUT, { at: new Date().toISOString(), cpus: cpus().length, node: process.version, durationSec: DURATION });
}

await main();
process.exit(0);
