import { Type, type Static } from 'typebox';
import { Company } from '../registry-population.schema.js';

/** `tareks.svc.mersis.company` request: a company by VKN or by 16-digit MERSİS number (exactly one). */
export const MersisCompanyRequest = Type.Union(
  [
    Type.Object({ vkn: Type.String({ pattern: '^[0-9]{10}$', format: 'tax-id' }) }, { additionalProperties: false }),
    Type.Object({ mersisNo: Type.String({ pattern: '^[0-9]{16}$' }) }, { additionalProperties: false }),
  ],
  { description: 'Lookup key: VKN (10 digits) or MERSİS number (16 digits)' },
);
export type MersisCompanyRequest = Static<typeof MersisCompanyRequest>;

/** `found: false` is a registry answer (cached as a negative), not an error. */
export const MersisCompanyResult = Type.Object(
  { found: Type.Boolean(), company: Type.Optional(Company) },
  { additionalProperties: false },
);
export type MersisCompanyResult = Static<typeof MersisCompanyResult>;
