import { Type, type Static } from 'typebox';
import { Tckn } from '../common.schema.js';
import { Tradesman } from '../registry-population.schema.js';

/** `tareks.svc.esbis.tradesman` request: a tradesman by TCKN or VKN (exactly one). */
export const EsbisTradesmanRequest = Type.Union([
  Type.Object({ tckn: Tckn }, { additionalProperties: false }),
  Type.Object({ vkn: Type.String({ pattern: '^[0-9]{10}$', format: 'tax-id' }) }, { additionalProperties: false }),
]);
export type EsbisTradesmanRequest = Static<typeof EsbisTradesmanRequest>;

export const EsbisTradesmanResult = Type.Object(
  { found: Type.Boolean(), tradesman: Type.Optional(Tradesman) },
  { additionalProperties: false },
);
export type EsbisTradesmanResult = Static<typeof EsbisTradesmanResult>;

/** The ESBİS REST body: `GET /v1/tradesmen?tckn=…|vkn=…` answers 200 with this, or 404 with an error body. */
export const EsbisTradesmanBody = Type.Object({ tradesman: Tradesman }, { additionalProperties: false });
export type EsbisTradesmanBody = Static<typeof EsbisTradesmanBody>;
