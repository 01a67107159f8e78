import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../support/hub-process.js';
import { ManagedProcess, waitFor } from './managed-process.js';

export interface ChaosBrokers {
  readonly natsUrl: string;
  readonly redisUrl: string;
  /** NATS monitoring endpoint (`/connz` tells which hub processes are connected). */
  readonly natsMonitorUrl: string;
  readonly nats: ManagedProcess;
  readonly redis: ManagedProcess;
  dispose(): Promise<void>;
}

const tcpReady = (url: string) => async (): Promise<boolean> => (await fetch(url)).ok;

/**
 * A NATS server with JetStream and a Redis of the run's own, on free ports with their data under `dir`: the suite
 * restarts them, so it never touches the machine's shared servers. Redis keeps an append-only file, so its queues
 * survive a restart as they would in production.
 */
export async function startBrokers(dir: string, logDir: string): Promise<ChaosBrokers> {
  const [natsPort, monitorPort, redisPort] = [await freePort(), await freePort(), await freePort()];
  mkdirSync(join(dir, 'nats'), { recursive: true });
  mkdirSync(join(dir, 'redis'), { recursive: true });
  const natsMonitorUrl = `http://127.0.0.1:${monitorPort}`;
  const nats = new ManagedProcess({
    name: 'nats-server',
    command: 'nats-server',
    args: ['-js', '-a', '127.0.0.1', '-p', String(natsPort), '-m', String(monitorPort), '-sd', join(dir, 'nats'), '-n', 'chaos'],
    logFile: join(logDir, 'nats-server.log'),
    ready: (child) => waitFor('nats-server', tcpReady(`${natsMonitorUrl}/healthz`), child),
  });
  const redis = new ManagedProcess({
    name: 'redis-server',
    command: 'redis-server',
    args: ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', join(dir, 'redis'), '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--protected-mode', 'no'],
    logFile: join(logDir, 'redis-server.log'),
    ready: (child) => waitFor('redis-server', () => ping(redisPort), child),
  });
  const started: ManagedProcess[] = [];
  try {
    await nats.start();
    started.push(nats);
    await redis.start();
    started.push(redis);
  } catch (err) {
    await Promise.allSettled(started.map((p) => p.dispose()));
    throw err;
  }
  return {
    natsUrl: `nats://127.0.0.1:${natsPort}`,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    natsMonitorUrl,
    nats,
    redis,
    async dispose() {
      await Promise.allSettled([nats.dispose(), redis.dispose()]);
    },
  };
}

async function ping(port: number): Promise<boolean> {
  const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await r.connect();
    // While Redis loads its append-only file it answers LOADING: not ready yet.
    return (await r.ping()) === 'PONG';
  } finally {
    r.disconnect();
  }
}
