import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { seedPopulation, startConnectorServices, startRegistrySimulators, type ConnectorServices, type RegistrySimulators } from '@tareks/connectors';
import { names as namesFor, type AuthorizationRequest, type Names, type Person, type RegistryPopulation } from '@tareks/schemas';
import { ensureStreams } from '../../src/infra/nats.js';
import { AuthorizationStore, NatsAuthorizationService, jetStreamAuditSink, loadTrustStore, type TrustStore } from '../../src/authorization/index.js';
import { makeIntermediate, makePerson, makeRoot, type Issued } from './pki.js';

/** Real NATS, Redis, the three registry simulators and connector services, a test CA, and the hub's authorization service. */
export interface AuthorizationHarness {
  readonly names: Names;
  readonly nc: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly population: RegistryPopulation;
  readonly sims: RegistrySimulators;
  readonly store: AuthorizationStore;
  readonly service: NatsAuthorizationService;
  readonly trust: TrustStore;
  readonly root: Issued;
  readonly issuing: Issued;
  /** A qualified certificate for `tckn` under the trusted issuing CA (cached per TCKN). */
  certificateFor(tckn: string): Promise<Issued>;
  dispose(): Promise<void>;
}

const DAY_MS = 86_400_000;
export const inOneYear = (): string => new Date(Date.now() + 365 * DAY_MS).toISOString().slice(0, 10);

/** A request by `applicant` for `trader`, valid a year, with a fresh requestId. */
export function requestOf(applicant: Person, trader: AuthorizationRequest['trader'], role: AuthorizationRequest['role'] = 'COMPANY_OFFICER'): AuthorizationRequest {
  return {
    requestId: `REQ-${randomBytes(6).toString('hex')}`,
    applicant: { tckn: applicant.tckn, firstName: applicant.firstName, lastName: applicant.lastName, birthYear: applicant.birthYear },
    trader,
    role,
    validUntil: inOneYear(),
  };
}

/** `population`: what the registry simulators serve (default: a small seeded one). */
export async function startAuthorizationHarness(population: RegistryPopulation = seedPopulation({ seed: 33, companies: 40, tradesmen: 12 })): Promise<AuthorizationHarness> {
  const names = namesFor(`t_${randomBytes(5).toString('hex')}`);
  const nc = await connect({ servers: '127.0.0.1:4222' });
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  await ensureStreams(jsm, names);
  const redis = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 1 });
  const logger = pino({ level: 'silent' });
  const sims = await startRegistrySimulators({ population, env: {} });
  const fast = { timeoutMs: 3_000, retries: 0, breakerThreshold: 100 };
  const services: ConnectorServices = await startConnectorServices({
    nc, redis, ns: names.ns, logger, env: {},
    config: { kps: { ...fast, url: sims.urls.kps }, mersis: { ...fast, url: sims.urls.mersis }, esbis: { ...fast, url: sims.urls.esbis } },
  });
  const root = await makeRoot('Test Kök ESHS');
  const issuing = await makeIntermediate(root, 'Test Nitelikli Sertifika Hizmetleri');
  const trust = loadTrustStore(root.pem);
  const store = await AuthorizationStore.open(nc, names);
  const service = new NatsAuthorizationService({ nc, js, names, store, trust, audit: jetStreamAuditSink(js, names), logger, registryTimeoutMs: 10_000 });
  const certs = new Map<string, Promise<Issued>>();
  return {
    names, nc, js, jsm, population, sims, store, service, trust, root, issuing,
    certificateFor(tckn) {
      if (!certs.has(tckn)) certs.set(tckn, makePerson(issuing, tckn));
      return certs.get(tckn)!;
    },
    async dispose() {
      await services.stop();
      await sims.close();
      for (const stream of [...Object.values(names.streams), `KV_${names.kv.authorizations}`]) await jsm.streams.delete(stream).catch(() => undefined);
      const keys = await redis.keys(`${names.ns}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await nc.drain();
    },
  };
}
