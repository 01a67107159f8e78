import { createHash } from 'node:crypto';
import { KpsVerifyRequest, REGISTRY_OPERATIONS, type KpsVerifyResult } from '@tareks/schemas';
import { readConfig } from '../shared/config-spec.js';
import type { ConnectorDefinition } from '../shared/connector.js';
import { turkishUpper } from '../shared/turkish.js';
import { KpsClient } from './kps.client.js';
import { kpsConfigSpec, type KpsConfig } from './kps.config.js';
import { KPS_ERROR_PREFIX } from './kps.errors.js';
import { startKpsSimulator } from './kps.simulator.js';

/** KPS: identity verification (TCKN + names + birth year) against the population registry. */
export const kpsConnector: ConnectorDefinition<KpsVerifyRequest, KpsVerifyResult, KpsConfig> = {
  registry: 'kps',
  operation: REGISTRY_OPERATIONS.kps,
  errorPrefix: KPS_ERROR_PREFIX,
  spec: kpsConfigSpec,
  requestSchema: KpsVerifyRequest,
  readConfig: (env) => readConfig(kpsConfigSpec, env),
  openClient: (config) => KpsClient.open(config),
  cacheKey: (r) =>
    createHash('sha256').update(`${r.tckn}|${turkishUpper(r.firstName)}|${turkishUpper(r.lastName)}|${r.birthYear}`).digest('base64url'),
  isPositive: (r) => r.verified,
  startSimulator: startKpsSimulator,
};
