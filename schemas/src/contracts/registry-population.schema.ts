import { Type, type Static } from 'typebox';
import { Tckn } from './common.schema.js';

/**
 * The records the state registries hold about people and firms. The connectors' simulators serve a
 * population of these; the synthetic trade world generates one consistent with its traders.
 */
export const Person = Type.Object(
  {
    tckn: Tckn,
    firstName: Type.String({ description: 'As registered (Turkish letters)' }),
    lastName: Type.String(),
    birthYear: Type.Integer(),
    alive: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type Person = Static<typeof Person>;

export const COMPANY_STATUSES = ['ACTIVE', 'IN_LIQUIDATION', 'CLOSED', 'SUSPENDED'] as const;
export const CompanyStatus = Type.Enum(COMPANY_STATUSES);
export type CompanyStatus = Static<typeof CompanyStatus>;

export const AUTHORITY_TYPES = ['SOLE', 'JOINT', 'LIMITED'] as const;
export const CompanyRepresentative = Type.Object(
  {
    tckn: Tckn,
    authority: Type.Enum(AUTHORITY_TYPES),
    validUntil: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);
export type CompanyRepresentative = Static<typeof CompanyRepresentative>;

export const Company = Type.Object(
  {
    vkn: Type.String({ format: 'tax-id' }),
    mersisNo: Type.String({ pattern: '^[0-9]{16}$' }),
    title: Type.String(),
    status: CompanyStatus,
    establishedOn: Type.String({ format: 'date' }),
    naceCodes: Type.Array(Type.String()),
    address: Type.Object({ city: Type.String(), district: Type.String(), line: Type.String() }, { additionalProperties: false }),
    representatives: Type.Array(CompanyRepresentative),
  },
  { additionalProperties: false },
);
export type Company = Static<typeof Company>;

export const Tradesman = Type.Object(
  {
    tckn: Tckn,
    vkn: Type.Optional(Type.String({ format: 'tax-id' })),
    esbisNo: Type.String({ pattern: '^[0-9A-Z]{6,20}$' }),
    trade: Type.String(),
    chamber: Type.String(),
    status: Type.Union([Type.Literal('ACTIVE'), Type.Literal('CLOSED')]),
    registeredOn: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);
export type Tradesman = Static<typeof Tradesman>;

export const RegistryPopulation = Type.Object(
  { persons: Type.Array(Person), companies: Type.Array(Company), tradesmen: Type.Array(Tradesman) },
  { additionalProperties: false },
);
export type RegistryPopulation = Static<typeof RegistryPopulation>;
