import { Type, type Static } from 'typebox';
import { Tckn } from '../common.schema.js';

/** `tareks.svc.kps.verify` request: does this person exist with these names and birth year (KPSPublic TCKimlikNoDogrula)? */
export const KpsVerifyRequest = Type.Object(
  {
    tckn: Tckn,
    firstName: Type.String({ minLength: 1, maxLength: 120, description: 'Given names; upper-cased with Turkish rules before the call' }),
    lastName: Type.String({ minLength: 1, maxLength: 120 }),
    birthYear: Type.Integer({ minimum: 1900, maximum: 2100 }),
  },
  { additionalProperties: false },
);
export type KpsVerifyRequest = Static<typeof KpsVerifyRequest>;

/** The registry's answer: `verified` is TCKimlikNoDogrulaResult. */
export const KpsVerifyResult = Type.Object({ tckn: Tckn, verified: Type.Boolean() }, { additionalProperties: false });
export type KpsVerifyResult = Static<typeof KpsVerifyResult>;
