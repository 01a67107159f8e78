import { completeTckn, completeVkn, type Company, type Person, type RegistryPopulation, type Tradesman } from '@tareks/schemas';
import { CUSTOMS_OFFICES, EXPORT_CATEGORIES, PRODUCT_CATEGORIES, type ProductCategory } from './catalogue.js';
import { AGRI_BRANDS, CITIES, FIRM_WORDS, FIRST_NAMES, GENUINE_BRANDS, LAST_NAMES, SECTOR_WORDS, STREETS, TRADES } from './names.js';
import type { Rng } from './rng.js';
import type { TraderProfile, TraderStanding, WorldBroker, WorldTrader } from './trader.js';

export interface PopulationOptions {
  /** Number of traders; default 400. */
  readonly traders: number;
  /** Share of sole proprietors trading under their TCKN; default 0.15. */
  readonly soleProprietorShare: number;
  /** Share of traders that start trading during the year (new firms); default 0.15. */
  readonly newcomerShare: number;
  /** Days the CSV export spans, to place newcomers; default 364. */
  readonly horizonDays: number;
}

export interface BuiltPopulation {
  readonly population: RegistryPopulation;
  readonly traders: readonly WorldTrader[];
  readonly brokers: readonly WorldBroker[];
}

const AGRI: readonly ProductCategory[] = ['FRESH_PRODUCE', 'DRIED_NUTS', 'SPICES', 'CEREALS'];
/** Importers by main line of business: mostly product-safety goods, as in TAREKS. */
const IMPORT_WEIGHT: Readonly<Record<ProductCategory, number>> = {
  TOYS: 3, ELECTRICAL: 4, TEXTILES: 3, FOOTWEAR: 2, MACHINERY: 2, FRESH_PRODUCE: 0.7, DRIED_NUTS: 0.7, SPICES: 0.8, CEREALS: 0.8,
};
const NACE: Readonly<Record<ProductCategory, string>> = {
  TOYS: '46.49.01', ELECTRICAL: '46.43.01', TEXTILES: '46.42.01', FOOTWEAR: '46.42.03', MACHINERY: '46.69.19',
  FRESH_PRODUCE: '46.31.01', DRIED_NUTS: '46.37.02', SPICES: '46.37.01', CEREALS: '46.21.01',
};

/** Builds people, firms, tradesmen, brokers and traders that agree with each other. */
export function buildPopulation(rng: Rng, o: PopulationOptions): BuiltPopulation {
  const usedIds = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const id = make();
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const persons: Person[] = [];
  const newPerson = (alive = true): Person => {
    const person: Person = {
      tckn: unique(() => completeTckn(rng.digits(9, true))),
      firstName: rng.bool(0.12) ? `${rng.pick(FIRST_NAMES)} ${rng.pick(FIRST_NAMES)}` : rng.pick(FIRST_NAMES),
      lastName: rng.pick(LAST_NAMES),
      birthYear: rng.int(1950, 2000),
      alive,
    };
    persons.push(person);
    return person;
  };

  const brokers: WorldBroker[] = Array.from({ length: Math.max(10, Math.round(o.traders / 8)) }, () => ({
    person: newPerson(),
    risk: rng.normal(0, 0.45),
  }));
  const companies: Company[] = [];
  const tradesmen: Tradesman[] = [];
  const traders: WorldTrader[] = [];

  for (let i = 0; i < o.traders; i++) {
    const profile = drawProfile(rng, o);
    const sole = rng.bool(o.soleProprietorShare);
    const standing = drawStanding(rng, profile.risk);
    const sector = SECTOR_WORDS[profile.categories[0]!]!;
    const place = rng.pick(CITIES);
    const ownBrokers = rng.shuffle(brokers).slice(0, rng.int(1, 2));
    const validUntil = (expired: boolean): string => (expired ? `202${rng.int(2, 4)}-0${rng.int(1, 9)}-15` : `20${rng.int(27, 30)}-12-31`);

    if (sole) {
      const owner = newPerson();
      const trade = rng.pick(TRADES);
      const esbisNo = `${place.plate}${rng.digits(8)}`;
      if (standing !== 'UNREGISTERED') {
        tradesmen.push({
          tckn: owner.tckn, esbisNo, trade: trade.trade, chamber: trade.chamber,
          status: standing === 'REGISTERED' ? 'ACTIVE' : 'CLOSED', registeredOn: `20${rng.int(5, 23).toString().padStart(2, '0')}-0${rng.int(1, 9)}-01`,
        });
      }
      traders.push({
        taxId: owner.tckn, name: `${owner.firstName} ${owner.lastName} - ${sector}`, form: 'SOLE_PROPRIETOR', esbisNo, standing,
        representatives: [owner, ...ownBrokers.map((b) => b.person)], profile,
      });
      continue;
    }

    const owners = Array.from({ length: rng.bool(0.25) ? 2 : 1 }, () => newPerson(!rng.bool(0.02)));
    const vkn = unique(() => completeVkn(rng.digits(9)));
    const mersisNo = `0${vkn}${rng.digits(5)}`;
    const family = owners[0]!.lastName;
    const title = `${rng.bool(0.5) ? family : rng.pick(FIRM_WORDS)} ${sector} İthalat İhracat Sanayi ve Ticaret ${rng.bool(0.7) ? 'Ltd. Şti.' : 'A.Ş.'}`;
    if (standing !== 'UNREGISTERED') {
      companies.push({
        vkn, mersisNo, title,
        status: standing === 'REGISTERED' ? 'ACTIVE' : standing,
        establishedOn: `${rng.int(1985, 2024)}-0${rng.int(1, 9)}-${rng.int(10, 28)}`,
        naceCodes: [...new Set(profile.categories.map((c) => NACE[c]))],
        address: { city: place.city, district: place.district, line: `${rng.pick(STREETS)} No:${rng.int(1, 140)}` },
        representatives: [
          ...owners.map((p) => ({ tckn: p.tckn, authority: owners.length > 1 ? ('JOINT' as const) : ('SOLE' as const), validUntil: validUntil(false) })),
          ...ownBrokers.map((b) => ({ tckn: b.person.tckn, authority: 'LIMITED' as const, validUntil: validUntil(rng.bool(0.05 + 0.05 * Math.max(0, profile.risk))) })),
        ],
      });
    }
    traders.push({ taxId: vkn, name: title, form: 'COMPANY', mersisNo, standing, representatives: [...owners, ...ownBrokers.map((b) => b.person)], profile });
  }
  return { population: { persons, companies, tradesmen }, traders, brokers };
}

function drawStanding(rng: Rng, risk: number): TraderStanding {
  const trouble = risk > 1 ? 0.25 : 0.04;
  if (!rng.bool(trouble)) return 'REGISTERED';
  return rng.pick<TraderStanding>(['UNREGISTERED', 'CLOSED', 'IN_LIQUIDATION']);
}

function drawRisk(rng: Rng): number {
  const u = rng.float();
  if (u < 0.72) return rng.normal(-0.9, 0.45);
  if (u < 0.92) return rng.normal(0.5, 0.5);
  return rng.normal(1.9, 0.5);
}

function drawProfile(rng: Rng, o: PopulationOptions): TraderProfile {
  const risk = drawRisk(rng);
  const exporter = rng.bool(0.12);
  const main = exporter ? rng.pick(EXPORT_CATEGORIES) : rng.weighted(PRODUCT_CATEGORIES, (c) => IMPORT_WEIGHT[c]);
  const agri = AGRI.includes(main);
  const pool = exporter ? EXPORT_CATEGORIES : PRODUCT_CATEGORIES.filter((c) => AGRI.includes(c) === agri);
  const categories = rng.bool(0.35) ? [...new Set([main, rng.pick(pool)])] : [main];
  const newcomer = rng.bool(o.newcomerShare);
  // Firms founded during the year and switching traders ("phoenix" firms) carry more risk after the drift.
  const redraw = rng.bool(0.15);
  const bad = Math.max(0, risk);
  return {
    risk,
    riskAfterDrift: redraw ? (risk < 0.3 ? rng.normal(1.6, 0.5) : rng.normal(-0.8, 0.4)) : risk,
    kind: exporter ? 'EXPORT' : 'IMPORT',
    categories,
    offices: rng.shuffle(CUSTOMS_OFFICES.map((c) => c.code)).slice(0, rng.int(1, 2)),
    activity: rng.logNormal(1, 0.9),
    itemsPerDeclaration: 1 + rng.logNormal(1.3, 0.5),
    activeFromDay: newcomer ? rng.int(14, o.horizonDays - 14) : 0,
    undervaluation: Math.min(0.6, 0.02 + 0.12 * bad + rng.float() * 0.03),
    dubiousBrands: Math.min(0.6, 0.02 + 0.1 * bad),
    missingCe: Math.min(0.6, 0.01 + 0.1 * bad),
    documents: Math.max(0.3, 2.6 - 0.5 * bad + rng.normal(0, 0.4)),
    unauthorisedFiling: Math.min(0.3, 0.01 + 0.04 * bad),
    currency: rng.weighted(['USD', 'EUR', 'TRY'] as const, (c) => (c === 'USD' ? 6 : c === 'EUR' ? 3 : 1)),
    brands: agri ? [rng.pick(AGRI_BRANDS)] : rng.shuffle(GENUINE_BRANDS).slice(0, rng.int(1, 3)),
  };
}
