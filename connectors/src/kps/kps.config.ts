import type { ConfigOf } from '../shared/config-spec.js';
import { resilienceSpec, simulatorSpec } from '../shared/resilience.config.js';

export const kpsConfigSpec = {
  url: { env: 'KPS_URL', description: 'KPSPublic endpoint (any service implementing the KPSPublic contract)', default: 'http://127.0.0.1:8401/Service/KPSPublic.asmx' },
  soapVersion: { env: 'KPS_SOAP_VERSION', description: 'SOAP binding the client uses', default: '1.1', values: ['1.1', '1.2'] },
  ...resilienceSpec('KPS'),
  ...simulatorSpec('KPS'),
} as const;

export type KpsConfig = ConfigOf<typeof kpsConfigSpec>;
