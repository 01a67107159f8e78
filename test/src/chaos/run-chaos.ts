import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { RegistrationNumbers } from '@tareks/adapters';
import { startRegistrySimulators, type RegistrySimulators } from '@tareks/connectors';
import { createWorld } from '@tareks/scoring';
import { names as namesOf, versionKey, type Declaration } from '@tareks/schemas';
import { AdminApi, bootstrapAdminKey } from './admin-api.js';
import { startBrokers, type ChaosBrokers } from './brokers.js';
import type { ChaosOptions } from './chaos-options.js';
import type { ChaosReport } from './chaos-report.js';
import { createCustomsClients } from './customs-clients.js';
import { decisionsOfRecord, DecisionWatch } from './decision-watch.js';
import { runFaultPlan } from './fault-plan.js';
import { faultSteps } from './fault-steps.js';
import { startHubRoles, type HubRoles } from './hub-roles.js';
import { startLoadDriver, type CustomsClient, type LoadDriver } from './load-driver.js';
import { findPoisonLetters, replayRepaired, type Poison } from './poison.js';
import { verify } from './verify.js';

const NS = 'chaos';
/** Distinct declarations the world generates up front; the run cycles through them with fresh ids. */
const TEMPLATES = 500;
const RECOVER_TIMEOUT_MS = 90_000;
const POISON_SEARCH_TIMEOUT_MS = 60_000;
const REPLAY_SETTLE_MS = 90_000;

export interface ChaosRunPaths {
  /** Where every process's log goes (kept after the run for diagnosis). */
  readonly logDir: string;
}

/** Settings of every hub process: short retry and reconciliation timings, so recovery happens within the run. */
const hubEnv = (brokers: ChaosBrokers, sims: RegistrySimulators): Record<string, string> => ({
  NATS_URL: brokers.natsUrl,
  REDIS_URL: brokers.redisUrl,
  TAREKS_NAMESPACE: NS,
  TAREKS_DEMO: 'false',
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  KPS_URL: sims.urls.kps,
  MERSIS_URL: sims.urls.mersis,
  ESBIS_URL: sims.urls.esbis,
  RATE_LIMIT_PER_MINUTE: '100000000',
  NOTIFY_ATTEMPTS: '40',
  NOTIFY_BACKOFF_MS: '200',
  REGISTRY_MAX_WAIT_MS: '15000',
  RECONCILE_MIN_AGE_MS: '20000',
  RECONCILE_EVERY_MS: '5000',
});

/** Undelivered accepted declarations: those whose callback has not reached their customs system yet. */
function undelivered(drivers: readonly LoadDriver[]): number {
  let n = 0;
  for (const { client, submissions } of drivers) {
    const got = new Set(client.receiver.accepted.map((x) => versionKey(x.declarationId, x.version)));
    for (const s of submissions) if (s.acceptedAt !== undefined && !got.has(versionKey(s.id, s.version))) n++;
  }
  return n;
}

async function until(cond: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
}

/**
 * The chaos run of issue 7: the hub's roles as separate processes against a NATS and a Redis of the run's own, five
 * customs systems lodging declarations over REST and SOAP, faults hitting one after the other during the load, then
 * the checks: one decision per accepted declaration, delivered to its callback, poison in the dead letters, repaired
 * replays decided and audited. Every process it starts is stopped before it returns.
 */
export async function runChaos(o: ChaosOptions, paths: ChaosRunPaths): Promise<ChaosReport> {
  const runStarted = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'tareks-chaos-'));
  rmSync(paths.logDir, { recursive: true, force: true });
  mkdirSync(paths.logDir, { recursive: true });
  const names = namesOf(NS);
  const clients: CustomsClient[] = [];
  let brokers: ChaosBrokers | null = null;
  let sims: RegistrySimulators | null = null;
  let nc: NatsConnection | null = null;
  let roles: HubRoles | null = null;
  let watch: DecisionWatch | null = null;
  try {
    brokers = await startBrokers(dataDir, paths.logDir);
    const world = createWorld({ seed: 42, withDocuments: false });
    sims = await startRegistrySimulators({ population: world.population });
    nc = await connect({ servers: brokers.natsUrl, name: 'chaos-harness', maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    const js = jetstream(nc);
    const adminKey = await bootstrapAdminKey(nc, NS);
    roles = await startHubRoles({ env: hubEnv(brokers, sims), natsMonitorUrl: brokers.natsMonitorUrl, logDir: paths.logDir, restartAfterCrashMs: o.restartDelayMs });
    const admin = new AdminApi(roles.url, adminKey);
    await createCustomsClients(admin, clients);
    watch = new DecisionWatch(nc, names);

    const templates = Array.from({ length: TEMPLATES }, (_, i) => world.nextDeclaration(new Date(Date.UTC(2026, 0, 1 + (i % 300)))).declaration);
    const numbers = new RegistrationNumbers();
    let cursor = 0;
    const next = (): Declaration => {
      const t = templates[cursor++ % templates.length]!;
      return { ...t, id: numbers.next(t.customsOffice, t.kind === 'IMPORT' ? 'IM' : 'EX'), submittedAt: new Date().toISOString() };
    };

    const poisons: Poison[] = [];
    const steps = faultSteps({ o, brokers, roles, simulators: sims, js, names, clients, next, poisons });
    const windowMs = Math.max((o.declarations / o.ratePerSecond) * 1000, (steps.length + 1) * o.faultSpacingSec * 1000);
    const rate = (o.declarations * 1000) / windowMs;
    const loadStarted = Date.now();
    const drivers = clients.map((client, i) =>
      startLoadDriver({
        hubUrl: roles!.url,
        client,
        count: Math.floor(o.declarations / clients.length) + (i < o.declarations % clients.length ? 1 : 0),
        ratePerSecond: rate / clients.length,
        maxInFlight: 64,
        next,
      }),
    );
    const faults = await runFaultPlan({ steps, windowMs, startedAt: loadStarted, watch, recoverTimeoutMs: RECOVER_TIMEOUT_MS });
    await Promise.all(drivers.map((d) => d.done));
    const loadSec = Math.round((Date.now() - loadStarted) / 100) / 10;
    await until(() => undelivered(drivers) === 0, o.settleSec * 1000);

    const otherDeadLetters = await findPoisonLetters(admin, poisons, POISON_SEARCH_TIMEOUT_MS);
    await replayRepaired(admin, poisons);
    const replayedTo = poisons.filter((p) => p.replay?.replay?.result === 'ACCEPTED');
    const delivered = (p: Poison): boolean =>
      clients.find((c) => c.clientId === p.clientId)?.receiver.accepted.some((n) => n.declarationId === p.repair!.id) ?? false;
    await until(() => replayedTo.every(delivered), REPLAY_SETTLE_MS);

    const audit = await admin.audit({ action: 'deadletter.replay', limit: '1000' });
    const counts = verify({
      submissions: drivers.flatMap((d) => d.submissions),
      clients,
      decisions: await decisionsOfRecord(js, await jetstreamManager(nc), names),
      poisons,
      deadLetters: await admin.allDeadLetters(),
      auditedReplays: new Set(audit.records.map((r) => r.target)),
      otherDeadLetters,
    });
    for (const f of faults) if (f.error) counts.violations.push(`fault "${f.name}" failed: ${f.error}`);
    return {
      at: new Date(runStarted).toISOString(),
      settings: { ...o, offeredRatePerSecond: Math.round(rate * 10) / 10, roles: Object.keys(roles.processes).join(','), clients: clients.map((c) => `${c.clientId}:${c.protocol}`).join(',') },
      durationSec: Math.round((Date.now() - runStarted) / 100) / 10,
      loadSec,
      counts,
      faults,
      crashes: Object.fromEntries(Object.entries(roles.processes).filter(([, p]) => p.crashes.length).map(([role, p]) => [role, p.crashes.map((c) => ({ afterLoadStartMs: c.at - loadStarted, exit: c.exit }))])),
      poisons: poisons.map((p) => ({ kind: p.kind, letters: p.letters, ...(p.repair ? { replay: p.replay?.replay?.result ?? p.replayError ?? 'not replayed' } : {}) })),
    };
  } finally {
    watch?.close();
    await roles?.dispose();
    await nc?.close().catch(() => undefined);
    await Promise.allSettled(clients.map((c) => c.receiver.close()));
    await sims?.close();
    await brokers?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
