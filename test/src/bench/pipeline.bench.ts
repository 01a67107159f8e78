import autocannon from 'autocannon';
import { connect } from '@nats-io/transport-node';
import { RegistrationNumbers, SUBMIT_DECLARATION_ACTION } from '@tareks/adapters';
import { DEMO_API_KEY } from '@tareks/hub';
import { createWorld } from '@tareks/scoring';
import { names, versionKey, type Decision, type Declaration, type TimelineEvent } from '@tareks/schemas';
import { NATS_URL } from '../support/test-env.js';
import { poissonLoad, type LoadResult } from './poisson-load.js';
import { quantile, round } from './stats.js';

export interface E2eRun {
  readonly protocol: 'REST' | 'SOAP';
  /** Mean offered declarations per second (Poisson arrivals); null = as fast as the connections allow (saturation). */
  readonly rate: number | null;
  readonly durationSec: number;
  readonly connections: number;
}

export interface E2eFigures extends E2eRun {
  readonly accepted: number;
  readonly decided: number;
  readonly lost: number;
  /** Decisions per second over the load window. */
  readonly decisionsPerSec: number;
  /** Edge receipt → decision, from the decisions' own timings. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** HTTP round trip of the submission as the client saw it. */
  readonly httpP99Ms: number;
  /** Where the time between receipt and decision went; null when the pipeline records no ENRICHED events (skeleton). */
  readonly stages: StageLatencies | null;
}

/** p50 / p99 in ms of each leg of a decision's way through the pipeline. */
export interface StageLatencies {
  /** Receipt at the edge → the orchestrator starts enriching (declarations stream, consumer). */
  readonly toOrchestrator: Quantiles;
  readonly enrich: Quantiles;
  /** Enriched → the score worker starts (hand-off to BullMQ, queue, worker pick-up). */
  readonly toScoreWorker: Quantiles;
  readonly score: Quantiles;
}

export interface Quantiles {
  readonly p50: number;
  readonly p99: number;
}

const quantiles = (values: readonly number[]): Quantiles => ({ p50: round(quantile(values, 0.5), 1), p99: round(quantile(values, 0.99), 1) });

/** Turns a declaration into the request body of a protocol (REST JSON or a SOAP envelope). */
export type BodyEncoder = (d: Declaration) => string;

/** Drives the hub at `url` with unique declarations from the synthetic world and counts the decisions that come out. */
export async function runE2e(url: string, ns: string, run: E2eRun, encode: BodyEncoder): Promise<E2eFigures> {
  const world = createWorld({ seed: 7, withDocuments: false });
  const numbers = new RegistrationNumbers(Date.now() + Math.floor(Math.random() * 1e9));
  const templates = Array.from({ length: 500 }, (_, i) => world.nextDeclaration(new Date(Date.UTC(2026, 0, 1 + (i % 300)))).declaration);
  const sent = new Set<string>();
  const latencies: number[] = [];
  const legs = { toOrchestrator: [] as number[], enrich: [] as number[], toScoreWorker: [] as number[], score: [] as number[] };
  // The orchestrator appends ENRICHED to the timeline when it hands a declaration on: the one time stamp between the
  // edge's receipt and the score worker's own timings.
  const enrichedAt = new Map<string, number>();
  let firstDecision = 0;
  let lastDecision = 0;

  const nc = await connect({ servers: NATS_URL });
  const timeline = nc.subscribe(names(ns).subjects.timelineAll, {
    callback: (_err, msg) => {
      const e = msg.json<TimelineEvent>();
      if (e.stage === 'ENRICHED') enrichedAt.set(versionKey(e.declarationId, e.version), Date.parse(e.at));
    },
  });
  const sub = nc.subscribe(names(ns).subjects.decisionAll, {
    callback: (_err, msg) => {
      const d = msg.json<Decision>();
      const key = versionKey(d.declarationId, d.version);
      if (!sent.has(key)) return;
      const now = Date.now();
      firstDecision ||= now;
      lastDecision = now;
      latencies.push(d.timings.totalMs);
      const enriched = enrichedAt.get(key);
      if (enriched === undefined) return;
      const t = d.timings;
      legs.toOrchestrator.push(Math.max(0, enriched - t.enrichMs - Date.parse(t.receivedAt)));
      legs.enrich.push(t.enrichMs);
      legs.toScoreWorker.push(Math.max(0, Date.parse(t.decidedAt) - t.scoreMs - enriched));
      legs.score.push(t.scoreMs);
    },
  });

  let i = 0;
  const path = run.protocol === 'REST' ? '/v1/declarations' : '/soap/declarations';
  const headers: Record<string, string> = run.protocol === 'REST'
    ? { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY }
    : { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${SUBMIT_DECLARATION_ACTION}"`, 'x-api-key': DEMO_API_KEY };
  const nextBody = (): string => {
    const t = templates[i++ % templates.length]!;
    const d: Declaration = { ...t, id: numbers.next(t.customsOffice, t.kind === 'IMPORT' ? 'IM' : 'EX'), submittedAt: new Date().toISOString() };
    sent.add(versionKey(d.id, d.version));
    return encode(d);
  };
  const started = Date.now();
  const load = run.rate
    ? await poissonLoad({ url: `${url}${path}`, headers, rate: run.rate, durationSec: run.durationSec, nextBody })
    : await saturate(`${url}${path}`, headers, run, nextBody);
  const loadEnded = Date.now();
  const deadline = Date.now() + 60_000;
  while (latencies.length < load.accepted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  sub.unsubscribe();
  timeline.unsubscribe();
  await nc.close();
  const window = Math.max(loadEnded - started, lastDecision - started) / 1000;
  return {
    ...run,
    accepted: load.accepted,
    decided: latencies.length,
    lost: Math.max(0, load.accepted - latencies.length),
    decisionsPerSec: round(latencies.length / window, 0),
    p50Ms: round(quantile(latencies, 0.5), 1),
    p99Ms: round(quantile(latencies, 0.99), 1),
    httpP99Ms: load.httpP99Ms,
    stages: legs.enrich.length
      ? { toOrchestrator: quantiles(legs.toOrchestrator), enrich: quantiles(legs.enrich), toScoreWorker: quantiles(legs.toScoreWorker), score: quantiles(legs.score) }
      : null,
  };
}

/** Closed loop: `run.connections` clients each sending the next request as soon as the last is answered. */
async function saturate(url: string, headers: Record<string, string>, run: E2eRun, nextBody: () => string): Promise<LoadResult> {
  let accepted = 0;
  const result = await autocannon({
    url,
    connections: run.connections,
    duration: run.durationSec,
    requests: [
      {
        method: 'POST',
        headers,
        setupRequest: (req) => ({ ...req, body: nextBody() }),
        onResponse: (status: number) => {
          if (status === 200 || status === 202) accepted++;
        },
      },
    ],
  });
  return { sent: result.requests.total, accepted, httpP99Ms: result.latency.p99 };
}
