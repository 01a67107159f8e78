import type { RegistryPopulation } from '@tareks/schemas';
import { generateDeclaration, type GeneratedDeclaration } from './declaration-generator.js';
import { buildPopulation } from './population.js';
import { Rng } from './rng.js';
import type { WorldBroker, WorldTrader } from './trader.js';

export interface WorldOptions {
  /** Seed of everything the world draws; the same seed gives the same population and declarations. */
  readonly seed: number;
  /** Number of traders; default 400. */
  readonly traders?: number;
  /** Share of sole proprietors (TCKN as tax id, ESBİS record); default 0.15. */
  readonly soleProprietorShare?: number;
  /** Share of traders that start trading after `start`; default 0.15. */
  readonly newcomerShare?: number;
  /** First day of trade (newcomers start later); default 2025-01-06. */
  readonly start?: Date;
  /** Days over which newcomers appear; default 364. */
  readonly horizonDays?: number;
  /** From this moment the hidden risk changes (concept drift); default: never. */
  readonly driftAt?: Date;
  /** Attach document references (sha256, size) to declarations; default true. */
  readonly withDocuments?: boolean;
}

/** The synthetic trade world behind the demo, the tests and the evaluation file. */
export interface World {
  readonly seed: number;
  readonly start: Date;
  readonly driftAt: Date | null;
  /** The registries' view (KPS persons, MERSİS companies, ESBİS tradesmen) the connector simulators serve. */
  readonly population: RegistryPopulation;
  readonly traders: readonly WorldTrader[];
  readonly brokers: readonly WorldBroker[];
  findTrader(taxId: string): WorldTrader | undefined;
  /** Traders trading at `at` (newcomers only from their first day). */
  activeTraders(at: Date): readonly WorldTrader[];
  /** The next declaration lodged at `at`, valid against the Declaration contract, with the truth per item. */
  nextDeclaration(at: Date, rng?: Rng): GeneratedDeclaration;
}

const DAY_MS = 86_400_000;

export function createWorld(options: WorldOptions): World {
  const rng = new Rng(options.seed);
  const start = options.start ?? new Date('2025-01-06T00:00:00Z');
  const horizonDays = options.horizonDays ?? 364;
  const built = buildPopulation(rng, {
    traders: options.traders ?? 400,
    soleProprietorShare: options.soleProprietorShare ?? 0.15,
    newcomerShare: options.newcomerShare ?? 0.15,
    horizonDays,
  });
  const byTaxId = new Map(built.traders.map((t) => [t.taxId, t]));
  const driftAt = options.driftAt ?? null;
  let serial = 0;
  const dayOf = (at: Date): number => Math.floor((at.getTime() - start.getTime()) / DAY_MS);
  const activeTraders = (at: Date): readonly WorldTrader[] => {
    const day = dayOf(at);
    return built.traders.filter((t) => t.profile.activeFromDay <= day);
  };

  return {
    seed: options.seed,
    start,
    driftAt,
    population: built.population,
    traders: built.traders,
    brokers: built.brokers,
    findTrader: (taxId) => byTaxId.get(taxId),
    activeTraders,
    nextDeclaration(at, r = rng) {
      const active = activeTraders(at);
      const trader = r.weighted(active.length ? active : built.traders, (t) => t.profile.activity);
      serial++;
      return generateDeclaration(r, {
        trader,
        brokers: built.brokers,
        at,
        serial,
        traderAgeDays: dayOf(at) - trader.profile.activeFromDay,
        afterDrift: driftAt !== null && at.getTime() >= driftAt.getTime(),
        withDocuments: options.withDocuments ?? true,
      });
    },
  };
}
