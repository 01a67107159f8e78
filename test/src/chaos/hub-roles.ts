import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../support/hub-process.js';
import { ManagedProcess, waitFor } from './managed-process.js';

const MAIN = fileURLToPath(new URL('../../../hub/dist/main.js', import.meta.url));

/** The hub's roles, each in its own process as in production; `score-worker` twice, so one can die while the other works. */
export const CHAOS_ROLES = ['api', 'orchestrator', 'score-worker-1', 'score-worker-2', 'projector', 'connectors'] as const;
export type ChaosRole = (typeof CHAOS_ROLES)[number];

export interface HubRolesOptions {
  /** Settings every hub process gets (NATS_URL, REDIS_URL, namespace, registry URLs, …). */
  readonly env: Record<string, string>;
  readonly natsMonitorUrl: string;
  readonly logDir: string;
  /** Supervisor behaviour: a role process that exits on its own is started again after this many ms. */
  readonly restartAfterCrashMs: number;
}

export interface HubRoles {
  /** Base URL of the api process (REST, SOAP, admin API). */
  readonly url: string;
  readonly processes: Record<ChaosRole, ManagedProcess>;
  dispose(): Promise<void>;
}

/** Whether the NATS server lists a client connection named as the hub names its own (`tareks-hub-<pid>`). */
async function connected(monitorUrl: string, pid: number | undefined): Promise<boolean> {
  const res = await fetch(`${monitorUrl}/connz?limit=4096`);
  const { connections } = (await res.json()) as { connections?: Array<{ name?: string }> };
  return (connections ?? []).some((c) => c.name === `tareks-hub-${pid}`);
}

/**
 * Starts the hub as separate processes, one per role (`node hub/dist/main.js` with `TAREKS_ROLES`). The api process is
 * ready when `/readyz` answers; the others when their NATS connection shows up on the server.
 */
export async function startHubRoles(o: HubRolesOptions): Promise<HubRoles> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const make = (role: ChaosRole): ManagedProcess => {
    const hubRole = role.replace(/-\d+$/, '');
    return new ManagedProcess({
      name: role,
      command: process.execPath,
      args: [MAIN],
      env: { ...o.env, TAREKS_ROLES: hubRole, PORT: hubRole === 'api' ? String(port) : '0' },
      logFile: join(o.logDir, `${role}.log`),
      restartAfterCrashMs: o.restartAfterCrashMs,
      ready: (child) =>
        hubRole === 'api'
          ? waitFor(role, async () => (await fetch(`${url}/readyz`)).ok, child)
          : waitFor(role, () => connected(o.natsMonitorUrl, child.pid), child),
    });
  };
  const processes = Object.fromEntries(CHAOS_ROLES.map((r) => [r, make(r)])) as Record<ChaosRole, ManagedProcess>;
  const all = Object.values(processes);
  const dispose = async (): Promise<void> => {
    await Promise.allSettled(all.map((p) => p.dispose()));
  };
  try {
    // Sequentially: the first process creates streams and buckets, the others find them.
    for (const p of all) await p.start();
  } catch (err) {
    await dispose();
    throw err;
  }
  return { url, processes, dispose };
}
