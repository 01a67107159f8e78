import type { JetStreamClient } from '@nats-io/jetstream';
import { Redis } from 'ioredis';
import { ADMIN_PATH, type RegistrySimulators } from '@tareks/connectors';
import type { Declaration, Names } from '@tareks/schemas';
import type { ChaosBrokers } from './brokers.js';
import type { ChaosOptions } from './chaos-options.js';
import type { FaultStep } from './fault-plan.js';
import type { HubRoles } from './hub-roles.js';
import type { CustomsClient } from './load-driver.js';
import { makePoison, POISON_KINDS, publishPoison, type Poison } from './poison.js';

export interface FaultContext {
  readonly o: ChaosOptions;
  readonly brokers: ChaosBrokers;
  readonly roles: HubRoles;
  readonly simulators: RegistrySimulators;
  readonly js: JetStreamClient;
  readonly names: Names;
  readonly clients: readonly CustomsClient[];
  /** A fresh declaration (unique id) for a poison message's repair. */
  readonly next: () => Declaration;
  /** Every poison message injected, for the checks afterwards. */
  readonly poisons: Poison[];
}

/** How long score jobs pile up before the flush. */
const FLUSH_BACKLOG_MS = 3_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function setOutage(url: string, outage: boolean): Promise<void> {
  // The knob sits at the server's root, whatever path the service itself is served under.
  const res = await fetch(new URL(ADMIN_PATH, url), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outage }) });
  if (!res.ok) throw new Error(`simulator fault knob answered ${res.status}`);
}

/** The faults of issue 7, in the order they hit; poison waves between them. */
export function faultSteps(c: FaultContext): FaultStep[] {
  const { processes } = c.roles;
  let wave = 0;
  const poisonWave = (): FaultStep => ({
    name: `poison wave ${++wave} (${c.o.poisonPerWave} messages)`,
    untimed: true,
    async run() {
      for (let i = 0; i < c.o.poisonPerWave; i++) {
        const client = c.clients[(wave + i) % c.clients.length]!;
        const p = makePoison(POISON_KINDS[(wave + i) % POISON_KINDS.length]!, client.clientId, c.next());
        c.poisons.push(p);
        await publishPoison(c.js, c.names, p);
      }
    },
  });
  const killAndRestart = (role: keyof HubRoles['processes']): FaultStep => ({
    name: `kill -9 ${role}`,
    async run() {
      await processes[role].kill();
      await sleep(c.o.restartDelayMs);
      await processes[role].start();
    },
  });
  const steps: FaultStep[] = [
    poisonWave(),
    killAndRestart('score-worker-1'),
    killAndRestart('orchestrator'),
    poisonWave(),
    { name: 'restart nats-server', run: () => c.brokers.nats.restart() },
    { name: 'restart redis-server', run: () => c.brokers.redis.restart() },
    {
      name: `${c.o.outageRegistry} simulator full outage (${c.o.outageSec} s)`,
      async run() {
        const url = c.simulators.urls[c.o.outageRegistry];
        await setOutage(url, true);
        try {
          await sleep(c.o.outageSec * 1000);
        } finally {
          await setOutage(url, false);
        }
      },
    },
    poisonWave(),
  ];
  if (c.o.flushRedis) {
    steps.push({
      name: 'FLUSHALL redis with score jobs queued (reconciliation recovers)',
      async run() {
        // With the score workers down, accepted declarations pile up as queued jobs: the flush then really loses some.
        const workers = [processes['score-worker-1'], processes['score-worker-2']];
        await Promise.all(workers.map((w) => w.kill()));
        await sleep(FLUSH_BACKLOG_MS);
        const redis = new Redis(c.brokers.redisUrl, { maxRetriesPerRequest: 3 });
        try {
          await redis.flushall();
        } finally {
          redis.disconnect();
        }
        await Promise.all(workers.map((w) => w.start()));
      },
    });
  }
  return steps;
}
