import type { ConfigOf } from '../shared/config-spec.js';
import { resilienceSpec, simulatorSpec } from '../shared/resilience.config.js';

export const mersisConfigSpec = {
  url: { env: 'MERSIS_URL', description: 'MERSİS company lookup endpoint (SOAP 1.1, contract in schemas/wsdl/mersis)', default: 'http://127.0.0.1:8402/mersis/FirmaService' },
  ...resilienceSpec('MERSIS'),
  ...simulatorSpec('MERSIS'),
} as const;

export type MersisConfig = ConfigOf<typeof mersisConfigSpec>;
