import Fastify from 'fastify';
import { Queue, Worker } from 'bullmq';
import { connect } from '@nats-io/transport-node';
import { AckPolicy, jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { names } from '@tareks/schemas';

/**
 * Baseline for the end-to-end figures: the hops the design prescribes for one decision, with raw clients and no
 * domain work — an HTTP request whose state is read, the declaration published to JetStream and its state created;
 * a durable pull consumer handing it to a BullMQ job; a worker publishing a decision to JetStream; a durable
 * consumer moving the state to decided. No validation, enrichment, scoring, timeline, warehouse or callbacks.
 * Decisions go out on the namespace's decision subjects with the fields the bench reads. argv: port, namespace, redis URL.
 */
const [port, ns, redisUrl] = [Number(process.argv[2]), process.argv[3]!, process.argv[4]!];
const n = names(ns);
const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222', noAsyncTraces: true });
const jsm = await jetstreamManager(nc);
const js = jetstream(nc);
await jsm.streams.add({ name: n.streams.declarations, subjects: [n.subjects.declAll], duplicate_window: 120e9 });
await jsm.streams.add({ name: n.streams.decisions, subjects: [n.subjects.decisionAll], duplicate_window: 120e9 });
const states = await new Kvm(nc).create(n.kv.declarations, { history: 1 });
const u = new URL(redisUrl);
const connection = { host: u.hostname, port: Number(u.port || 6379), maxRetriesPerRequest: null };
const queue = new Queue('score', { connection, prefix: ns, defaultJobOptions: { removeOnComplete: { age: 3600 } } });

interface Received { readonly id: string; readonly version: number; readonly customsOffice: string; readonly receivedAt: number }

async function consume(stream: string, durable: string, handle: (m: JsMsg) => Promise<void>): Promise<void> {
  await jsm.consumers.add(stream, { durable_name: durable, ack_policy: AckPolicy.Explicit, max_ack_pending: 2_000 });
  const messages = await (await js.consumers.get(stream, durable)).consume({ max_messages: 1_000 });
  void (async () => {
    for await (const m of messages) void handle(m).then(() => m.ack(), () => m.nak());
  })();
}

await consume(n.streams.declarations, 'orchestrator', async (m) => {
  const r = m.json<Received>();
  await states.get(r.id);
  await queue.add('score', r, { jobId: `${r.id}-${r.version}` });
});
const worker = new Worker<Received>('score', async (job) => {
  const r = job.data;
  const decision = { declarationId: r.id, version: r.version, lane: 'GREEN', timings: { totalMs: Date.now() - r.receivedAt } };
  await js.publish(n.subjects.decision(r.customsOffice, 'GREEN'), JSON.stringify(decision), { msgID: `${r.id}:${r.version}` });
}, { connection, prefix: ns, concurrency: 50 });
await consume(n.streams.decisions, 'projector', async (m) => {
  const d = m.json<{ declarationId: string; version: number }>();
  const e = await states.get(d.declarationId);
  if (e) await states.update(d.declarationId, JSON.stringify({ ...e.json<object>(), status: 'DECIDED', decision: d }), e.revision);
});

const app = Fastify({ bodyLimit: 1_048_576 });
app.post('/v1/declarations', async (req, reply) => {
  const d = req.body as { id: string; version: number; customsOffice: string };
  const receivedAt = Date.now();
  await states.get(d.id);
  const received: Received = { id: d.id, version: d.version, customsOffice: d.customsOffice, receivedAt };
  await js.publish(n.subjects.declReceived, JSON.stringify({ ...received, declaration: d }), { msgID: `${d.id}:${d.version}` });
  await states.create(d.id, JSON.stringify({ id: d.id, version: d.version, status: 'RECEIVED', receivedAt }));
  return reply.status(202).send({ id: d.id, version: d.version, status: 'RECEIVED' });
});
await app.listen({ host: '127.0.0.1', port });
process.send?.('ready');
process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    for (const s of [n.streams.declarations, n.streams.decisions, `KV_${n.kv.declarations}`]) await jsm.streams.delete(s).catch(() => undefined);
    await nc.drain();
    process.exit(0);
  })();
});
