import { pino } from 'pino';
import { loadConfig, startHub, type HubOverrides, type RunningHub } from '@tareks/hub';
import { dropNamespace, NATS_URL, REDIS_URL, testNamespace } from './test-env.js';

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
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
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
      }
    },
  };
}
