import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createWorld } from '@tareks/scoring';
import { submitDeclarationEnvelope } from '@tareks/adapters';
import { startHubProcess } from '../support/hub-process.js';
import { NATS_URL, REDIS_URL } from '../support/test-env.js';
import { benchConnectors } from './connectors.bench.js';
import { benchModel } from './model.bench.js';
import { benchWarehouse } from './warehouse.bench.js';
import { rawBullmq, rawFastifyJetStream } from './baselines.bench.js';
import type { BenchRow } from './bench-row.js';
import { runE2e, type BodyEncoder, type E2eFigures, type E2eRun } from './pipeline.bench.js';
import { listenerPid, measureCpu } from './process-cpu.js';
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

/**
 * CPU milliseconds each process spends per decision in a run, and the decisions/s this machine's cores could give
 * if every process were busy all the time: the ceiling any deployment of the same work can reach here.
 */
function cpuRows(label: string, f: E2eFigures, cpu: Record<string, number>): BenchRow[] {
  if (!f.decided) return [];
  const perDecision = Object.entries(cpu).map(([name, s]) => [name, (1000 * s) / f.decided] as const);
  const total = perDecision.reduce((sum, [, ms]) => sum + ms, 0);
  const hub = perDecision.find(([name]) => name === 'hub')?.[1] ?? total;
  return [
    ...perDecision.map(([name, ms]): BenchRow => ({ group: 'cpu per decision', name: `${label}: ${name}`, value: Math.round(ms * 1000) / 1000, unit: 'ms CPU' })),
    {
      group: 'cpu per decision', name: `${label}: ceiling on ${cpus().length} cores`, value: Math.round((cpus().length * 1000) / total), unit: 'decisions/s',
      notes: `one hub process alone: ${Math.round(1000 / hub)}/s (it runs on one core)`,
    },
  ];
}

const portOf = (url: string, fallback: number): number => Number(new URL(url).port || fallback);

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
    const pids = { hub: hub.child.pid ?? null, 'nats-server': listenerPid(portOf(NATS_URL, 4222)), 'redis-server': listenerPid(portOf(REDIS_URL, 6379)) };
    const cpu: BenchRow[] = [];
    for (const run of runs) {
      const { result, cpu: used } = await measureCpu(pids, () => runE2e(hub.url, hub.ns, run, run.protocol === 'REST' ? restBody : soapBody));
      figures.push(result);
      if (!run.rate) cpu.push(...cpuRows(`${run.protocol} saturation`, result, used));
    }
    await hub.stop();
    const sampleBody = restBody(createWorld({ seed: 7, withDocuments: false }).nextDeclaration(new Date()).declaration);
    const raw = await rawFastifyJetStream(sampleBody, DURATION, SATURATION_CONNECTIONS);
    rows.push({ group: 'baseline', name: 'raw Fastify + awaited JetStream publish', value: raw.reqPerSec, unit: 'req/s', notes: `p50 ${raw.p50Ms} ms, p99 ${raw.p99Ms} ms` });
    const bull = await rawBullmq(20_000, 50);
    rows.push({ group: 'baseline', name: 'raw BullMQ add + no-op process (concurrency 50)', value: bull, unit: 'jobs/s' });
    for (const f of figures) rows.push(...e2eRows(f, raw.reqPerSec));
    rows.push(...cpu);
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
