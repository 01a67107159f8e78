import { Type, type Static } from 'typebox';
import {
  CountryCode, CurrencyCode, CustomsOffice, DateTime, DeclarationId, Domain, Gtip, Kind, Sha256, TaxId, Tckn, Version,
} from './common.schema.js';

export const UNITS = ['ADET', 'KG', 'CIFT', 'M2', 'LT'] as const;
export const Unit = Type.Enum(UNITS);
export type Unit = Static<typeof Unit>;

export const DOCUMENT_TYPES = ['INVOICE', 'CERTIFICATE_OF_CONFORMITY', 'TEST_REPORT', 'PACKING_LIST', 'OTHER'] as const;
export const DocumentType = Type.Enum(DOCUMENT_TYPES);
export type DocumentType = Static<typeof DocumentType>;

const Name = (description: string) => Type.String({ minLength: 1, maxLength: 120, description });

export const Trader = Type.Object(
  {
    taxId: TaxId,
    name: Name('Registered title of the firm or name of the sole proprietor'),
    mersisNo: Type.Optional(Type.String({ pattern: '^[0-9]{16}$', description: 'MERSİS number, 16 digits' })),
    esbisNo: Type.Optional(Type.String({ pattern: '^[0-9A-Z]{6,20}$', description: 'ESBİS registration number (tradesmen)' })),
  },
  { additionalProperties: false },
);
export type Trader = Static<typeof Trader>;

export const Representative = Type.Object(
  {
    tckn: Tckn,
    firstName: Name('Given names as in the population registry'),
    lastName: Name('Surname as in the population registry'),
    birthYear: Type.Integer({ minimum: 1900, maximum: 2100 }),
  },
  { additionalProperties: false },
);
export type Representative = Static<typeof Representative>;

export const Money = Type.Object(
  { amount: Type.Number({ minimum: 0, maximum: 1e12 }), currency: CurrencyCode },
  { additionalProperties: false },
);
export type Money = Static<typeof Money>;

export const Conformity = Type.Object(
  {
    ceMarked: Type.Boolean(),
    standards: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 20, description: 'e.g. EN 71-1:2014+A1:2018' }),
    certificateNo: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  },
  { additionalProperties: false },
);
export type Conformity = Static<typeof Conformity>;

export const Item = Type.Object(
  {
    itemNo: Type.Integer({ minimum: 1, maximum: 999 }),
    gtip: Gtip,
    description: Type.String({ minLength: 1, maxLength: 500 }),
    originCountry: CountryCode,
    quantity: Type.Number({ exclusiveMinimum: 0, maximum: 1e9 }),
    unit: Unit,
    netMassKg: Type.Number({ minimum: 0, maximum: 1e9 }),
    value: Money,
    brand: Type.Optional(Type.String({ maxLength: 120 })),
    model: Type.Optional(Type.String({ maxLength: 120 })),
    conformity: Type.Optional(Conformity),
  },
  { additionalProperties: false },
);
export type Item = Static<typeof Item>;

export const DocumentRef = Type.Object(
  {
    type: DocumentType,
    mediaType: Type.String({ pattern: '^(application/pdf|image/png|image/jpeg|image/tiff)$' }),
    sha256: Sha256,
    size: Type.Integer({ minimum: 1, maximum: 50 * 1024 * 1024 }),
    fileName: Type.Optional(Type.String({ maxLength: 255 })),
  },
  { additionalProperties: false, description: 'Reference to document bytes held in the NATS object store (by sha256)' },
);
export type DocumentRef = Static<typeof DocumentRef>;

export const Declaration = Type.Object(
  {
    id: DeclarationId,
    version: Version,
    kind: Kind,
    domain: Domain,
    customsOffice: CustomsOffice,
    submittedAt: DateTime,
    trader: Trader,
    representative: Representative,
    items: Type.Array(Item, { minItems: 1, maxItems: 999 }),
    documents: Type.Array(DocumentRef, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type Declaration = Static<typeof Declaration>;
