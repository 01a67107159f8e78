import type { RegistryName } from '@tareks/schemas';
import { esbisConnector } from './esbis/esbis.registration.js';
import { kpsConnector } from './kps/kps.registration.js';
import { mersisConnector } from './mersis/mersis.registration.js';
import type { ConnectorConfig, ConnectorDefinition } from './shared/connector.js';

/** Every registry connector, in one list: services, simulators, conformance tests and README tables work from it. */
export const CONNECTORS = {
  kps: kpsConnector,
  mersis: mersisConnector,
  esbis: esbisConnector,
} as const satisfies Record<RegistryName, { readonly registry: RegistryName }>;

/** A connector with its request/result types erased, for code that treats them all alike. */
export type AnyConnector = ConnectorDefinition<unknown, unknown, ConnectorConfig>;
export const connectorList = (): AnyConnector[] => Object.values(CONNECTORS) as unknown as AnyConnector[];
