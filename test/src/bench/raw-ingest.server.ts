import Fastify from 'fastify';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';

/**
 * Baseline server for the benchmark: Fastify with one awaited JetStream publish per request and nothing else,
 * run as its own process like the hub. argv: port, stream name.
 */
const [port, stream] = [Number(process.argv[2]), process.argv[3]!];
const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
const jsm = await jetstreamManager(nc);
await jsm.streams.add({ name: stream, subjects: [`${stream}.>`] });
const js = jetstream(nc);
let n = 0;
const app = Fastify();
app.post('/raw', async (req, reply) => {
  await js.publish(`${stream}.in`, JSON.stringify(req.body), { msgID: String(++n) });
  return reply.status(202).send({ ok: true });
});
await app.listen({ host: '127.0.0.1', port });
process.send?.('ready');
process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    await jsm.streams.delete(stream).catch(() => undefined);
    await nc.drain();
    process.exit(0);
  })();
});
