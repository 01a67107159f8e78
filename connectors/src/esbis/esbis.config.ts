import type { ConfigOf } from '../shared/config-spec.js';
import { resilienceSpec, simulatorSpec } from '../shared/resilience.config.js';

export const esbisConfigSpec = {
  url: { env: 'ESBIS_URL', description: 'ESBİS REST base URL (serves GET /v1/tradesmen)', default: 'http://127.0.0.1:8403' },
  ...resilienceSpec('ESBIS'),
  ...simulatorSpec('ESBIS'),
} as const;

export type EsbisConfig = ConfigOf<typeof esbisConfigSpec>;
