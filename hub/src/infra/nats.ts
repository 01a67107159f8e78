import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, RetentionPolicy, StorageType, type JetStreamClient, type JetStreamManager, type StreamConfig } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import type { Logger } from 'pino';
import type { Names } from '@tareks/schemas';

export interface NatsHandles {
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
}

export async function connectNats(url: string, name: string, logger: Logger): Promise<NatsHandles> {
  // noAsyncTraces: nats.js otherwise builds an Error (stack capture) for every request, which dominated the profile.
  const nc = await connect({ servers: url.split(','), name, maxReconnectAttempts: -1, reconnectTimeWait: 500, pingInterval: 10_000, noAsyncTraces: true });
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect' || s.type === 'reconnect' || s.type === 'error') logger.warn({ nats: s.type }, 'nats connection status');
    }
  })();
  return { nc, js: jetstream(nc), jsm: await jetstreamManager(nc) };
}

const DAY_NS = 24 * 60 * 60 * 1e9;

/** The streams of record (DESIGN.md "Where state lives"). */
export function streamConfigs(n: Names): Array<Partial<StreamConfig> & { name: string; subjects: string[] }> {
  const base = { storage: StorageType.File, retention: RetentionPolicy.Limits, num_replicas: 1 };
  return [
    { ...base, name: n.streams.declarations, subjects: [n.subjects.declAll], duplicate_window: 2 * 60 * 1e9, max_age: 90 * DAY_NS },
    { ...base, name: n.streams.decisions, subjects: [n.subjects.decisionAll], duplicate_window: 2 * 60 * 1e9, max_age: 90 * DAY_NS },
    { ...base, name: n.streams.deadLetters, subjects: [n.subjects.dlqAll], max_age: 365 * DAY_NS },
    { ...base, name: n.streams.audit, subjects: [n.subjects.auditAll], deny_delete: true, deny_purge: true },
    { ...base, name: n.streams.outcomes, subjects: [n.subjects.outcomeAll] },
    { ...base, name: n.streams.authorizations, subjects: [n.subjects.authorizationAll] },
  ];
}

/** Creates every stream, or brings an existing one to the wanted configuration (safe to run at every start). */
export async function ensureStreams(jsm: JetStreamManager, n: Names): Promise<void> {
  for (const cfg of streamConfigs(n)) {
    const existing = await jsm.streams.info(cfg.name).catch(() => null);
    if (!existing) await jsm.streams.add(cfg);
    else await jsm.streams.update(cfg.name, { ...existing.config, ...cfg });
  }
}

export interface HubBuckets {
  readonly declarations: KV;
  readonly clients: KV;
  readonly traders: KV;
  /** The reconciliation pass's checkpoint. */
  readonly reconciler: KV;
}

export async function ensureBuckets(nc: NatsConnection, n: Names): Promise<HubBuckets> {
  const kvm = new Kvm(nc);
  return {
    declarations: await kvm.create(n.kv.declarations, { history: 1 }),
    clients: await kvm.create(n.kv.clients, { history: 5 }),
    traders: await kvm.create(n.kv.traders, { history: 1 }),
    reconciler: await kvm.create(n.kv.reconciler, { history: 1 }),
  };
}
