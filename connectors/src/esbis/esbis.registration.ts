import { EsbisTradesmanRequest, REGISTRY_OPERATIONS, type EsbisTradesmanResult } from '@tareks/schemas';
import { readConfig } from '../shared/config-spec.js';
import type { ConnectorDefinition } from '../shared/connector.js';
import { EsbisClient } from './esbis.client.js';
import { esbisConfigSpec, type EsbisConfig } from './esbis.config.js';
import { ESBIS_ERROR_PREFIX } from './esbis.errors.js';
import { startEsbisSimulator } from './esbis.simulator.js';

/** ESBİS: tradesmen and craftsmen registry (registration, trade, chamber, status). */
export const esbisConnector: ConnectorDefinition<EsbisTradesmanRequest, EsbisTradesmanResult, EsbisConfig> = {
  registry: 'esbis',
  operation: REGISTRY_OPERATIONS.esbis,
  errorPrefix: ESBIS_ERROR_PREFIX,
  spec: esbisConfigSpec,
  requestSchema: EsbisTradesmanRequest,
  readConfig: (env) => readConfig(esbisConfigSpec, env),
  openClient: (config) => EsbisClient.open(config),
  cacheKey: (r) => ('tckn' in r ? `tckn:${r.tckn}` : `vkn:${r.vkn}`),
  isPositive: (r) => r.found,
  startSimulator: startEsbisSimulator,
};
