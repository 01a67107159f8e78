import { createHash } from 'node:crypto';
import type { Declaration, DocumentRef, DocumentType, Item } from '@tareks/schemas';
import { productsOf, USD_PER_UNIT, type Product } from './catalogue.js';
import { DUBIOUS_BRANDS } from './names.js';
import type { Rng } from './rng.js';
import type { WorldBroker, WorldTrader } from './trader.js';
import { LABEL_NOISE, nonComplianceLogit, type ItemTraits } from './truth.js';

export interface GeneratedDeclaration {
  readonly declaration: Declaration;
  /** Ground truth per item number: true when the item is non-compliant (as an inspection would record it). */
  readonly truth: Map<number, boolean>;
}

export interface GenerationContext {
  readonly trader: WorldTrader;
  readonly brokers: readonly WorldBroker[];
  readonly at: Date;
  readonly serial: number;
  readonly traderAgeDays: number;
  readonly afterDrift: boolean;
  readonly withDocuments: boolean;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** One declaration of a trader at a time, with the hidden truth of each item. */
export function generateDeclaration(rng: Rng, c: GenerationContext): GeneratedDeclaration {
  const { trader, at } = c;
  const p = trader.profile;
  const office = rng.pick(p.offices);
  const unauthorised = rng.bool(p.unauthorisedFiling);
  const representative = unauthorised ? rng.pick(c.brokers).person : rng.bool(0.8) ? trader.representatives[trader.representatives.length - 1]! : trader.representatives[0]!;
  const broker = c.brokers.find((b) => b.person.tckn === representative.tckn) ?? null;
  const regime = p.kind === 'IMPORT' ? 'IM' : 'EX';
  const id = `${String(at.getUTCFullYear() % 100).padStart(2, '0')}${office}${regime}${String(c.serial % 1_000_000).padStart(6, '0')}`;
  const documents = c.withDocuments ? makeDocuments(rng, id, Math.min(5, rng.poisson(p.documents))) : [];
  const n = Math.min(12, 1 + rng.poisson(p.itemsPerDeclaration - 1));
  const category = rng.pick(p.categories);
  const products = productsOf(category);
  const items: Item[] = [];
  const truth = new Map<number, boolean>();
  for (let itemNo = 1; itemNo <= n; itemNo++) {
    const product = rng.pick(products);
    const origin = p.kind === 'EXPORT' ? 'TR' : rng.pick(product.origins.filter((o) => o !== 'TR').concat(product.origins.length === 1 ? ['EG'] : []));
    const traits: ItemTraits = {
      trader, broker, product, origin, office, documents: documents.length, unauthorised,
      undervalued: rng.bool(p.undervaluation),
      dubiousBrand: product.domain === 'PRODUCT_SAFETY' && rng.bool(p.dubiousBrands),
      missingCe: product.ceRequired && rng.bool(p.missingCe),
      traderAgeDays: c.traderAgeDays,
      afterDrift: c.afterDrift,
    };
    items.push(makeItem(rng, itemNo, traits));
    const real = rng.bool(sigmoid(nonComplianceLogit(traits, rng.normal(0, 0.5))));
    truth.set(itemNo, real ? !rng.bool(LABEL_NOISE.missed) : rng.bool(LABEL_NOISE.falseAlarm));
  }
  const declaration: Declaration = {
    id, version: 1, kind: p.kind, domain: products[0]!.domain, customsOffice: office, submittedAt: at.toISOString(),
    trader: {
      taxId: trader.taxId, name: trader.name,
      ...(trader.mersisNo ? { mersisNo: trader.mersisNo } : {}),
      ...(trader.esbisNo ? { esbisNo: trader.esbisNo } : {}),
    },
    representative: { tckn: representative.tckn, firstName: representative.firstName, lastName: representative.lastName, birthYear: representative.birthYear },
    items,
    documents,
  };
  return { declaration, truth };
}

function makeItem(rng: Rng, itemNo: number, t: ItemTraits): Item {
  const { product } = t;
  const p = t.trader.profile;
  const agri = product.domain === 'AGRI_QUALITY';
  const netMassKg = agri
    ? Math.round(rng.logNormal(product.category === 'CEREALS' ? 250_000 : 16_000, 0.7))
    : 0;
  const quantity = agri ? netMassKg : Math.max(1, Math.round(rng.logNormal(14_000 / (product.kgPerUnit * product.usdPerKg), 0.9)));
  const mass = agri ? netMassKg : Math.max(0.1, round2(quantity * product.kgPerUnit * rng.logNormal(1, 0.1)));
  const valueUsd = mass * product.usdPerKg * rng.logNormal(1, 0.25) * (t.undervalued ? 0.25 + 0.3 * rng.float() : 1);
  const amount = round2(valueUsd / USD_PER_UNIT[p.currency]!);
  const item: Item = {
    itemNo, gtip: product.gtip, description: product.description, originCountry: t.origin, quantity, unit: product.unit, netMassKg: mass,
    value: { amount: Math.max(0.01, amount), currency: p.currency },
  };
  const brand = t.dubiousBrand ? rng.pick(DUBIOUS_BRANDS) : rng.pick(p.brands);
  if (brand) item.brand = brand;
  if (!agri) {
    item.model = `${brand.slice(0, 2).toUpperCase().replace(/[^A-ZÇĞİÖŞÜ]/g, 'X')}-${rng.int(100, 9999)}`;
    item.conformity = conformityOf(rng, product, t.missingCe);
  }
  return item;
}

function conformityOf(rng: Rng, product: Product, missingCe: boolean): NonNullable<Item['conformity']> {
  const ceMarked = product.ceRequired && !missingCe;
  const declared = missingCe ? [] : rng.shuffle(product.standards).slice(0, rng.int(1, Math.max(1, product.standards.length)));
  return {
    ceMarked,
    standards: declared,
    ...(ceMarked && rng.bool(0.6) ? { certificateNo: `NB-${rng.int(1000, 2999)}-${rng.digits(6)}` } : {}),
  };
}

function makeDocuments(rng: Rng, id: string, count: number): DocumentRef[] {
  const types = ['INVOICE', 'CERTIFICATE_OF_CONFORMITY', 'TEST_REPORT', 'PACKING_LIST', 'OTHER'] as const satisfies readonly DocumentType[];
  return Array.from({ length: count }, (_, i) => ({
    type: types[i]!,
    mediaType: 'application/pdf',
    sha256: createHash('sha256').update(`${id}/${i}/${rng.digits(12)}`).digest('hex'),
    size: rng.int(40_000, 2_000_000),
    fileName: `${types[i]!.toLowerCase().replace(/_/g, '-')}-${id}.pdf`,
  }));
}
