import type { RegistryName, RegistryPopulation } from '@tareks/schemas';
import type { Logger } from 'pino';
import { connectorList } from './connectors.js';
import { knobsFromConfig, type FaultKnobs } from './simulator/fault-knobs.js';
import type { SimulatorHandle } from './simulator/sim-server.js';

export interface RegistrySimulatorsOptions {
  readonly population: RegistryPopulation;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Port per simulator; 0 (the default) takes a free one. */
  readonly ports?: Partial<Record<RegistryName, number>>;
  /** Initial fault knobs per simulator; default from `<PREFIX>_SIM_*` in `env`. */
  readonly faults?: Partial<Record<RegistryName, Partial<FaultKnobs>>>;
  readonly env?: NodeJS.ProcessEnv;
  readonly logger?: Logger;
}

export type RegistrySimulators = Record<RegistryName, SimulatorHandle> & {
  /** What to set `KPS_URL`, `MERSIS_URL`, `ESBIS_URL` to. */
  readonly urls: Record<RegistryName, string>;
  close(): Promise<void>;
};

/** Starts the KPS, MERSİS and ESBİS simulators over HTTP, serving one population. */
export async function startRegistrySimulators(opts: RegistrySimulatorsOptions): Promise<RegistrySimulators> {
  const started: SimulatorHandle[] = [];
  const handles: Partial<Record<RegistryName, SimulatorHandle>> = {};
  try {
    for (const def of connectorList()) {
      const h = await def.startSimulator({
        population: opts.population,
        host: opts.host,
        port: opts.ports?.[def.registry] ?? 0,
        faults: { ...knobsFromConfig(def.readConfig(opts.env)), ...(opts.faults?.[def.registry] ?? {}) },
        logger: opts.logger,
      });
      started.push(h);
      handles[def.registry] = h;
    }
  } catch (err) {
    await Promise.allSettled(started.map((h) => h.close()));
    throw err;
  }
  const all = handles as Record<RegistryName, SimulatorHandle>;
  return {
    ...all,
    urls: { kps: all.kps.url, mersis: all.mersis.url, esbis: all.esbis.url },
    async close() {
      await Promise.allSettled(started.map((h) => h.close()));
    },
  };
}
