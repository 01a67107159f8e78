import { Type, type Static } from 'typebox';

/** Formats checked by our validator (see `validation/ajv.ts`); they carry check-digit rules, not only shapes. */
export const Tckn = Type.String({ format: 'tckn', description: 'T.C. Kimlik No: 11 digits with valid check digits', examples: ['17291716060'] });
export const TaxId = Type.String({ format: 'tax-id', description: 'VKN (10 digits) or, for sole proprietors, TCKN (11 digits), check digits valid', examples: ['4540536920'] });
export const Gtip = Type.String({ format: 'gtip', description: 'GTİP: 12-digit Turkish tariff code', examples: ['950300700000'] });
export const CountryCode = Type.String({ format: 'iso-country', description: 'ISO 3166-1 alpha-2', examples: ['CN'] });
export const CurrencyCode = Type.String({ format: 'iso-currency', description: 'ISO 4217', examples: ['USD'] });
export const CustomsOffice = Type.String({ pattern: '^[0-9]{6}$', description: 'Customs office code, 6 digits', examples: ['341300'] });
export const DeclarationId = Type.String({
  pattern: '^[0-9]{8}[A-Z]{2}[0-9A-Z]{6}$',
  description: 'Customs registration number: year (2) + office (6) + regime (2 letters) + serial (6)',
  examples: ['26341300IM000123'],
});
export const Version = Type.Integer({ minimum: 1, maximum: 999, description: 'Declaration version; a higher version supersedes' });
export const DateTime = Type.String({ format: 'date-time' });
export const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const Kind = Type.Enum(['IMPORT', 'EXPORT']);
export type Kind = Static<typeof Kind>;
export const Domain = Type.Enum(['PRODUCT_SAFETY', 'AGRI_QUALITY']);
export type Domain = Static<typeof Domain>;
export const Lane = Type.Enum(['GREEN', 'YELLOW', 'RED'], {
  description: 'GREEN accept, YELLOW documentary check, RED physical inspection / lab test',
});
export type Lane = Static<typeof Lane>;
export const LANES: readonly Lane[] = ['GREEN', 'YELLOW', 'RED'];

/** Human text in Turkish (default) and English. */
export const LocalizedText = Type.Object({ tr: Type.String(), en: Type.String() }, { additionalProperties: false });
export type LocalizedText = Static<typeof LocalizedText>;

/** A coded reason: why an item got its score or lane, why an authorization was refused. */
export const Reason = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$' }),
    weight: Type.Number({ description: 'Contribution to the score (points or log-odds share)' }),
    text: LocalizedText,
  },
  { additionalProperties: false },
);
export type Reason = Static<typeof Reason>;
