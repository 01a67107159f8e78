import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig, startHub, type HubOverrides, type RunningHub } from '@tareks/hub';
import { dropNamespace, NATS_URL, REDIS_URL, testNamespace } from './test-env.js';

/** The dashboard admin every test hub creates at start. */
export const TEST_ADMIN = { username: 'admin', password: 'test-admin-password-123' } as const;

export interface TestHub extends RunningHub {
  readonly ns: string;
  /** Stops the hub and deletes everything its namespace created. */
  dispose(): Promise<void>;
}

/** The whole hub in this process, in its own namespace, on a free port, with the demo API key enabled. */
export async function startTestHub(env: Record<string, string> = {}, overrides: HubOverrides = {}, ns: string = testNamespace()): Promise<TestHub> {
  const config = loadConfig({
    NATS_URL,
    REDIS_URL,
    TAREKS_NAMESPACE: ns,
    TAREKS_DEMO: 'true',
    DEMO_RATE: '0',
    DEMO_MODEL_BOOTSTRAP: 'false',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    TAREKS_ADMIN_USER: TEST_ADMIN.username,
    TAREKS_ADMIN_PASSWORD: TEST_ADMIN.password,
    WAREHOUSE_PATH: join(tmpdir(), `tareks-${ns}.duckdb`),
    ...env,
  });
  const hub = await startHub(config, pino({ level: config.LOG_LEVEL }), overrides);
  return {
    ...hub,
    ns,
    async dispose() {
      try {
        await hub.stop();
      } finally {
        await dropNamespace(ns);
        rmSync(config.WAREHOUSE_PATH, { force: true });
        rmSync(`${config.WAREHOUSE_PATH}.wal`, { force: true });
      }
    },
  };
}
