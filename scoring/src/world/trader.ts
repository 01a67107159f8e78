import type { Kind, Person } from '@tareks/schemas';
import type { ProductCategory } from './catalogue.js';

/** How a trader stands in the registries; anything but REGISTERED should surface as an enrichment flag. */
export type TraderStanding = 'REGISTERED' | 'UNREGISTERED' | 'CLOSED' | 'IN_LIQUIDATION';

/** Hidden behaviour of a trader: what it ships and how careless or dishonest it is. */
export interface TraderProfile {
  /** Log-odds offset of non-compliance before the drift. */
  readonly risk: number;
  /** Log-odds offset from the drift on (equal to `risk` for most traders). */
  readonly riskAfterDrift: number;
  readonly kind: Kind;
  readonly categories: readonly ProductCategory[];
  /** Preferred customs offices (codes). */
  readonly offices: readonly string[];
  /** Relative number of declarations per day. */
  readonly activity: number;
  /** Mean number of items per declaration. */
  readonly itemsPerDeclaration: number;
  /** Days after the world's start when the trader begins to trade (0 for established traders). */
  readonly activeFromDay: number;
  /** Probability that an item is declared far below its value. */
  readonly undervaluation: number;
  /** Probability that an item carries a look-alike or unknown brand. */
  readonly dubiousBrands: number;
  /** Probability that an item needing CE arrives without it. */
  readonly missingCe: number;
  /** Mean number of documents attached to a declaration. */
  readonly documents: number;
  /** Probability that a declaration is lodged by someone not authorised for the firm. */
  readonly unauthorisedFiling: number;
  readonly currency: 'USD' | 'EUR' | 'TRY';
  readonly brands: readonly string[];
}

/** A trader of the synthetic world, consistent with the registry population. */
export interface WorldTrader {
  /** VKN (10 digits) for companies, TCKN (11 digits) for sole proprietors. */
  readonly taxId: string;
  readonly name: string;
  readonly form: 'COMPANY' | 'SOLE_PROPRIETOR';
  readonly mersisNo?: string;
  readonly esbisNo?: string;
  readonly standing: TraderStanding;
  /** Persons authorised to file for the trader (owners and customs brokers), as the registries list them. */
  readonly representatives: readonly Person[];
  readonly profile: TraderProfile;
}

/** A customs broker: files for many traders; some are sloppier than others. */
export interface WorldBroker {
  readonly person: Person;
  /** Hidden log-odds offset of the items the broker files. */
  readonly risk: number;
}
