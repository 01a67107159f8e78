import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createWorld } from '@tareks/scoring';
import { submitDeclarationEnvelope } from '@tareks/adapters';
import { startHubProcess, type HubProcess } from '../support/hub-process.js';
import { NATS_URL, REDIS_URL } from '../support/test-env.js';
import { benchConnectors } from './connectors.bench.js';
import { benchDeadLetters } from './dead-letter.bench.js';
import { benchModel } from './model.bench.js';
import { benchWarehouse } from './warehouse.bench.js';
import { rawBullmq, rawFastifyJetStream, startRawPipeline } from './baselines.bench.js';
import type { BenchRow } from './bench-row.js';
import { runE2e, type BodyEncoder, type E2eFigures, type E2eRun, type StageLatencies } from './pipeline.bench.js';
import { listenerPid, measureCpu } from './process-cpu.js';
import { report } from './report.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const SATURATION_CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const OUT = fileURLToPath(new URL('../../../bench-results/bench.json', import.meta.url));

const restBody: BodyEncoder = (d) => JSON.stringify(d);
const soapBody: BodyEncoder = (d) => submitDeclarationEnvelope(d);

/** The skeleton's figures at the same offered rate (null = saturation), the baseline of a hub row. */
type SkeletonOf = (rate: number | null) => E2eFigures | undefined;

function e2eRows(f: E2eFigures, skeleton: SkeletonOf, deployment: string): BenchRow[] {
  const label = `${deployment}${f.protocol} ${f.rate ? `${f.rate}/s offered` : `saturation (${f.connections} conn.)`}`;
  const base = skeleton(f.rate);
  const baseline = (value: number | undefined) => (value === undefined ? {} : { baseline: { name: 'raw pipeline skeleton', value } });
  return [
    { group: 'end-to-end', name: `${label}: decisions/s`, value: f.decisionsPerSec, unit: 'decisions/s', ...baseline(base?.decisionsPerSec), notes: `accepted ${f.accepted}, decided ${f.decided}, lost ${f.lost}` },
    { group: 'end-to-end', name: `${label}: latency p50`, value: f.p50Ms, unit: 'ms', ...baseline(base?.p50Ms) },
    { group: 'end-to-end', name: `${label}: latency p99`, value: f.p99Ms, unit: 'ms', ...baseline(base?.p99Ms) },
    { group: 'end-to-end', name: `${label}: HTTP p99`, value: f.httpP99Ms, unit: 'ms', ...baseline(base?.httpP99Ms) },
    ...(f.stages ? stageRows(label, f.stages) : []),
  ];
}

const LEGS: ReadonlyArray<[keyof StageLatencies, string]> = [
  ['toOrchestrator', 'receipt → orchestrator'],
  ['enrich', 'enrichment'],
  ['toScoreWorker', 'hand-off → score worker'],
  ['score', 'scoring'],
];

/** Each leg's p99, with its p50 in the notes: where a decision's time went. */
function stageRows(label: string, stages: StageLatencies): BenchRow[] {
  return LEGS.map(([leg, name]) => ({
    group: 'stages', name: `${label}: ${name} p99`, value: stages[leg].p99, unit: 'ms', notes: `p50 ${stages[leg].p50} ms`,
  }));
}

const LOAD_GENERATOR = 'load generator (this process)';

/**
 * CPU milliseconds each process spends per decision in a run, and the decisions/s this machine's cores could give
 * if every process but the load generator were busy all the time: the ceiling any deployment of the same work can
 * reach here (the load generator shares the cores during the run, so the measured figure stays below it).
 */
function cpuRows(label: string, f: E2eFigures, cpu: Record<string, number>): BenchRow[] {
  if (!f.decided) return [];
  const perDecision = Object.entries(cpu).map(([name, s]) => [name, (1000 * s) / f.decided] as const);
  const total = perDecision.filter(([name]) => name !== LOAD_GENERATOR).reduce((sum, [, ms]) => sum + ms, 0);
  const busiestHub = Math.max(...perDecision.filter(([name]) => name.startsWith('hub') || name === 'skeleton').map(([, ms]) => ms));
  return [
    ...perDecision.map(([name, ms]): BenchRow => ({ group: 'cpu per decision', name: `${label}: ${name}`, value: Math.round(ms * 1000) / 1000, unit: 'ms CPU' })),
    {
      group: 'cpu per decision', name: `${label}: ceiling on ${cpus().length} cores`, value: Math.round((cpus().length * 1000) / total), unit: 'decisions/s',
      notes: `the busiest process alone: ${Math.round(1000 / busiestHub)}/s (a process runs on one core)`,
    },
  ];
}

const portOf = (url: string, fallback: number): number => Number(new URL(url).port || fallback);

/** One deployment of the hub: its processes (the first takes the traffic) and how the bench names it. */
interface Deployment {
  /** Names of the processes in the CPU rows; default `hub`, or `hub 1`, `hub 2`… */
  readonly processNames?: readonly string[];
  readonly label: string;
  readonly processes: readonly HubProcess[];
}

const HUB_ENV = { RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'warn' };

/**
 * The same hub split over two processes so that both cores work, as production splits roles: ingest and enrichment
 * (api, orchestrator, projector, connectors, registry simulators) beside scoring and the read side (score worker,
 * warehouse, learning; its api only answers health checks).
 */
async function startSplitHub(): Promise<Deployment> {
  const front = await startHubProcess({ ...HUB_ENV, TAREKS_ROLES: 'api,orchestrator,projector,connectors,simulators' });
  const back = await startHubProcess({ ...HUB_ENV, TAREKS_ROLES: 'api,score-worker,warehouse,learning' }, front.ns).catch(async (err: unknown) => {
    await front.dispose();
    throw err;
  });
  return { label: '2 processes: ', processes: [front, back] };
}

/** Runs `runs` against the deployment; returns the figures and the CPU rows of the saturation runs. */
async function drive(d: Deployment, runs: readonly E2eRun[]): Promise<{ figures: E2eFigures[]; cpu: BenchRow[] }> {
  const entry = d.processes[0]!;
  await runE2e(entry.url, entry.ns, { protocol: 'REST', rate: 200, durationSec: 3, connections: 16 }, restBody);
  const nameOf = (i: number) => d.processNames?.[i] ?? (d.processes.length > 1 ? `hub ${i + 1}` : 'hub');
  const pids: Record<string, number | null> = Object.fromEntries(d.processes.map((p, i) => [nameOf(i), p.child.pid ?? null]));
  pids['nats-server'] = listenerPid(portOf(NATS_URL, 4222));
  pids['redis-server'] = listenerPid(portOf(REDIS_URL, 6379));
  pids[LOAD_GENERATOR] = process.pid;
  const figures: E2eFigures[] = [];
  const cpu: BenchRow[] = [];
  for (const run of runs) {
    const { result, cpu: used } = await measureCpu(pids, () => runE2e(entry.url, entry.ns, run, run.protocol === 'REST' ? restBody : soapBody));
    figures.push(result);
    if (!run.rate) cpu.push(...cpuRows(`${d.label}${run.protocol} saturation`, result, used));
  }
  return { figures, cpu };
}

async function dispose(d: Deployment): Promise<void> {
  for (const p of [...d.processes].reverse()) await p.stop();
  await d.processes[0]!.dispose();
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const rest = (rate: number | null): E2eRun => ({ protocol: 'REST', rate, durationSec: DURATION, connections: rate ? 32 : SATURATION_CONNECTIONS });
  const soap = (rate: number | null): E2eRun => ({ ...rest(rate), protocol: 'SOAP' });
  const skeleton: Deployment = { label: 'raw pipeline skeleton: ', processNames: ['skeleton'], processes: [await startRawPipeline()] };
  let bare: Awaited<ReturnType<typeof drive>>;
  try {
    bare = await drive(skeleton, [rest(100), rest(500), rest(null)]);
  } finally {
    await dispose(skeleton);
  }
  const skeletonOf: SkeletonOf = (rate) => bare.figures.find((f) => f.rate === rate);
  const single: Deployment = { label: '', processes: [await startHubProcess(HUB_ENV)] };
  let one: Awaited<ReturnType<typeof drive>>;
  try {
    one = await drive(single, [rest(100), rest(500), rest(null), soap(100), soap(500), soap(null)]);
  } finally {
    await dispose(single);
  }
  const split = await startSplitHub();
  let two: Awaited<ReturnType<typeof drive>>;
  try {
    two = await drive(split, [rest(100), rest(500), rest(null)]);
  } finally {
    await dispose(split);
  }
  const sampleBody = restBody(createWorld({ seed: 7, withDocuments: false }).nextDeclaration(new Date()).declaration);
  const raw = await rawFastifyJetStream(sampleBody, DURATION, SATURATION_CONNECTIONS);
  rows.push({ group: 'baseline', name: 'raw Fastify + awaited JetStream publish', value: raw.reqPerSec, unit: 'req/s', notes: `p50 ${raw.p50Ms} ms, p99 ${raw.p99Ms} ms` });
  const top = skeletonOf(null);
  if (top) rows.push({ group: 'baseline', name: 'raw pipeline skeleton (the hops of one decision, no domain work) at saturation', value: top.decisionsPerSec, unit: 'decisions/s', notes: `p50 ${top.p50Ms} ms, p99 ${top.p99Ms} ms` });
  const bull = await rawBullmq(20_000, 50);
  rows.push({ group: 'baseline', name: 'raw BullMQ add + no-op process (concurrency 50)', value: bull, unit: 'jobs/s' });
  const restOnly = (f: E2eFigures): SkeletonOf => (rate) => (f.protocol === 'REST' ? skeletonOf(rate) : undefined);
  for (const f of one.figures) rows.push(...e2eRows(f, restOnly(f), single.label));
  for (const f of two.figures) rows.push(...e2eRows(f, restOnly(f), split.label));
  for (const f of bare.figures) rows.push(...e2eRows(f, () => undefined, skeleton.label));
  rows.push(...one.cpu, ...two.cpu, ...bare.cpu);
  rows.push(...(await benchConnectors()));
  rows.push(...(await benchModel()));
  rows.push(...(await benchWarehouse()));
  rows.push(...benchDeadLetters());
  report(rows, OUT, { at: new Date().toISOString(), cpus: cpus().length, node: process.version, durationSec: DURATION });
}

await main();
process.exit(0);
