import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Queue, Worker } from 'bullmq';
import { freePort, type HubProcess } from '../support/hub-process.js';
import { REDIS_URL, testNamespace } from '../support/test-env.js';
import { round } from './stats.js';

export interface RawIngestFigures {
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** Raw Fastify + one awaited JetStream publish per request, in its own process, driven by autocannon. */
export async function rawFastifyJetStream(body: string, durationSec: number, connections: number): Promise<RawIngestFigures> {
  const port = await freePort();
  const stream = testNamespace().toUpperCase();
  const child = fork(fileURLToPath(new URL('./raw-ingest.server.js', import.meta.url)), [String(port), stream], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await once(child, 'message');
  try {
    const r = await autocannon({
      url: `http://127.0.0.1:${port}/raw`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections,
      duration: durationSec,
    });
    return { reqPerSec: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99 };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

/**
 * The design's hops for one decision with raw clients and no domain work (`raw-pipeline.server.ts`), in its own
 * process like the hub, answering on the hub's REST path and publishing on its decision subjects, so the
 * end-to-end driver measures it the same way.
 */
export async function startRawPipeline(): Promise<HubProcess> {
  const port = await freePort();
  const ns = testNamespace();
  const child = fork(fileURLToPath(new URL('./raw-pipeline.server.js', import.meta.url)), [String(port), ns, REDIS_URL], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await once(child, 'message');
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  return { url: `http://127.0.0.1:${port}`, ns, child, stop, dispose: stop };
}

/** Raw BullMQ: add `jobs` one at a time (pipelined, as the orchestrator does) and process them with a no-op worker. */
export async function rawBullmq(jobs: number, concurrency: number): Promise<number> {
  const prefix = testNamespace();
  const u = new URL(REDIS_URL);
  const connection = { host: u.hostname, port: Number(u.port || 6379), maxRetriesPerRequest: null };
  const queue = new Queue('raw', { connection, prefix });
  let done = 0;
  let finish!: () => void;
  const allDone = new Promise<void>((r) => (finish = r));
  const worker = new Worker('raw', async () => undefined, { connection, prefix, concurrency, autorun: true });
  worker.on('completed', () => {
    if (++done === jobs) finish();
  });
  try {
    const started = performance.now();
    const inFlight: Promise<unknown>[] = [];
    for (let i = 0; i < jobs; i++) {
      inFlight.push(queue.add('raw', { i }, { jobId: `j${i}`, removeOnComplete: true }));
      if (inFlight.length >= 200) await Promise.all(inFlight.splice(0));
    }
    await Promise.all(inFlight);
    await allDone;
    return round(jobs / ((performance.now() - started) / 1000), 0);
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
}
