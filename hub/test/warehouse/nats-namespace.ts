import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { Kvm } from '@nats-io/kv';
import { names, type Names } from '@tareks/schemas';
import { ensureStreams } from '../../src/infra/nats.js';

export interface TestNamespace {
  readonly names: Names;
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  /** Deletes the namespace's streams and KV buckets, nothing else, and closes the connection. */
  drop(): Promise<void>;
}

/** Real NATS at 127.0.0.1:4222 (or NATS_URL), with the hub's streams in a namespace of this test's own. */
export async function openTestNamespace(): Promise<TestNamespace> {
  const n = names(`t_${randomBytes(5).toString('hex')}`);
  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  const jsm = await jetstreamManager(nc);
  await ensureStreams(jsm, n);
  return {
    names: n,
    nc,
    js: jetstream(nc),
    jsm,
    async drop() {
      try {
        for (const stream of Object.values(n.streams)) await jsm.streams.delete(stream).catch(() => undefined);
        for await (const status of new Kvm(nc).list()) {
          if (status.bucket.startsWith(`${n.ns}_`)) await jsm.streams.delete(`KV_${status.bucket}`).catch(() => undefined);
        }
      } finally {
        await nc.close();
      }
    },
  };
}
