import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import { startHub } from './hub.js';

/** Everything `npm start` runs in one process: the hub's roles, plus the demo pieces in demo mode. */
export async function startApplication(config: Config, logger: Logger): Promise<{ stop(): Promise<void> }> {
  const hub = await startHub(config, logger);
  return { stop: () => hub.stop() };
}
