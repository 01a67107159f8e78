import { MersisCompanyRequest, REGISTRY_OPERATIONS, type MersisCompanyResult } from '@tareks/schemas';
import { readConfig } from '../shared/config-spec.js';
import type { ConnectorDefinition } from '../shared/connector.js';
import { MersisClient } from './mersis.client.js';
import { mersisConfigSpec, type MersisConfig } from './mersis.config.js';
import { MERSIS_ERROR_PREFIX } from './mersis.errors.js';
import { startMersisSimulator } from './mersis.simulator.js';

/** MERSİS: company status and authorised representatives from the central trade registry. */
export const mersisConnector: ConnectorDefinition<MersisCompanyRequest, MersisCompanyResult, MersisConfig> = {
  registry: 'mersis',
  operation: REGISTRY_OPERATIONS.mersis,
  errorPrefix: MERSIS_ERROR_PREFIX,
  spec: mersisConfigSpec,
  requestSchema: MersisCompanyRequest,
  readConfig: (env) => readConfig(mersisConfigSpec, env),
  openClient: (config) => MersisClient.open(config),
  cacheKey: (r) => ('vkn' in r ? `vkn:${r.vkn}` : `mersis:${r.mersisNo}`),
  isPositive: (r) => r.found,
  startSimulator: startMersisSimulator,
};
