import type { Logger } from 'pino';
import { startDemoCustoms, type DemoCustoms } from '@tareks/adapters';
import { createWorld } from '@tareks/scoring';
import { hasRole, type Config } from './config/config.js';
import { DEMO_API_KEY } from './auth/api-key.store.js';
import { startHub } from './hub.js';

/** Everything `npm start` runs in one process: the hub's roles, plus, in demo mode, a customs system sending traffic. */
export async function startApplication(config: Config, logger: Logger): Promise<{ stop(): Promise<void> }> {
  const hub = await startHub(config, logger);
  let demo: DemoCustoms | null = null;
  if (config.TAREKS_DEMO && hasRole(config, 'demo') && config.DEMO_RATE > 0 && hub.url) {
    const world = hub.world ?? createWorld({ seed: config.DEMO_SEED, withDocuments: false });
    demo = startDemoCustoms({
      hubUrl: hub.url,
      apiKey: DEMO_API_KEY,
      ratePerSecond: config.DEMO_RATE,
      source: (at) => world.nextDeclaration(at).declaration,
      logger: logger.child({ role: 'demo-customs' }),
    });
  }
  return {
    async stop() {
      await demo?.stop();
      await hub.stop();
    },
  };
}
