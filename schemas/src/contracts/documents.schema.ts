import { Type, type Static, type TSchema } from 'typebox';
import { DeclarationId, Reason, Sha256, Version } from './common.schema.js';
import { DocumentRef, DocumentType } from './declaration.schema.js';

/** Job data of the BullMQ `ocr` job: one document of one declaration version (jobId = id:version:sha256). */
export const OcrJob = Type.Object(
  { declarationId: DeclarationId, version: Version, document: DocumentRef },
  { additionalProperties: false },
);
export type OcrJob = Static<typeof OcrJob>;

const Confidence = Type.Number({ minimum: 0, maximum: 1, description: 'How sure the reader is, 0–1' });

/** A value read from a document with its confidence (OCR word confidences × pattern certainty). */
const Field = <T extends TSchema>(value: T, description: string) =>
  Type.Object(
    {
      value,
      confidence: Confidence,
      valid: Type.Optional(Type.Boolean({ description: 'Check digits / format verified (VKN, GTİP)' })),
      page: Type.Optional(Type.Integer({ minimum: 1 })),
    },
    { additionalProperties: false, description },
  );

export const Box = Type.Object(
  { x0: Type.Number(), y0: Type.Number(), x1: Type.Number(), y1: Type.Number() },
  { additionalProperties: false, description: 'Pixels of the page image (PDF points × scale for text layers)' },
);
export type Box = Static<typeof Box>;

export const OcrWord = Type.Object(
  { text: Type.String(), confidence: Confidence, box: Box },
  { additionalProperties: false },
);
export type OcrWord = Static<typeof OcrWord>;

export const PageSource = Type.Union([Type.Literal('TEXT_LAYER'), Type.Literal('OCR')]);
export type PageSource = Static<typeof PageSource>;

export const DocumentPage = Type.Object(
  {
    pageNo: Type.Integer({ minimum: 1 }),
    source: PageSource,
    width: Type.Number({ minimum: 0 }),
    height: Type.Number({ minimum: 0 }),
    text: Type.String(),
    confidence: Confidence,
    words: Type.Array(OcrWord),
    ms: Type.Number({ minimum: 0, description: 'Time spent reading this page' }),
  },
  { additionalProperties: false },
);
export type DocumentPage = Static<typeof DocumentPage>;

export const Party = Type.Object(
  {
    name: Type.Optional(Field(Type.String(), 'Firm name as printed')),
    vkn: Type.Optional(Field(Type.String({ pattern: '^[0-9]{10,11}$' }), 'VKN (or TCKN) as printed; valid = check digits hold')),
  },
  { additionalProperties: false },
);
export type Party = Static<typeof Party>;

export const InvoiceLine = Type.Object(
  {
    lineNo: Type.Integer({ minimum: 1 }),
    description: Type.String(),
    quantity: Type.Optional(Type.Number()),
    unit: Type.Optional(Type.String({ description: 'Normalised to the declaration units where known: ADET, KG, CIFT, M2, LT' })),
    unitPrice: Type.Optional(Type.Number()),
    amount: Type.Optional(Type.Number()),
    gtip: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
    model: Type.Optional(Type.String()),
    confidence: Confidence,
    page: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type InvoiceLine = Static<typeof InvoiceLine>;

export const InvoiceFields = Type.Object(
  {
    invoiceNo: Type.Optional(Field(Type.String(), 'Invoice number, e.g. GIB2026000000123')),
    issueDate: Type.Optional(Field(Type.String({ format: 'date' }), 'ISO date')),
    currency: Type.Optional(Field(Type.String({ pattern: '^[A-Z]{3}$' }), 'ISO 4217')),
    seller: Party,
    buyer: Party,
    subtotal: Type.Optional(Field(Type.Number(), 'Sum of the lines before tax')),
    vat: Type.Optional(Field(Type.Number(), 'KDV')),
    total: Type.Optional(Field(Type.Number(), 'Amount payable')),
    lines: Type.Array(InvoiceLine),
  },
  { additionalProperties: false },
);
export type InvoiceFields = Static<typeof InvoiceFields>;

/** Marks any document can carry: tariff codes, CE, standards, certificate, notified body and model numbers. */
export const ReferenceFields = Type.Object(
  {
    gtipCodes: Type.Array(Field(Type.String({ pattern: '^[0-9]{12}$' }), 'GTİP')),
    ceMarking: Field(Type.Boolean(), 'CE marking stated'),
    standards: Type.Array(Field(Type.String(), 'Normalised, e.g. EN 71-1:2014+A1:2018 or TS EN 60335-1:2012')),
    certificateNumbers: Type.Array(Field(Type.String(), 'Certificate or test report number')),
    notifiedBodies: Type.Array(Field(Type.String({ pattern: '^[0-9]{4}$' }), 'NANDO notified body number')),
    modelNumbers: Type.Array(Field(Type.String(), 'Model / type reference')),
  },
  { additionalProperties: false },
);
export type ReferenceFields = Static<typeof ReferenceFields>;

export const CertificateFields = Type.Object(
  {
    kind: Type.Union([Type.Literal('CERTIFICATE_OF_CONFORMITY'), Type.Literal('TEST_REPORT')]),
    number: Type.Optional(Field(Type.String(), 'Certificate / report number')),
    issueDate: Type.Optional(Field(Type.String({ format: 'date' }), 'ISO date')),
    issuer: Type.Optional(Field(Type.String(), 'Issuing body')),
    holder: Type.Optional(Field(Type.String(), 'Manufacturer or applicant')),
    product: Type.Optional(Field(Type.String(), 'Product description')),
    result: Type.Optional(Field(Type.Union([Type.Literal('PASS'), Type.Literal('FAIL')]), 'Test verdict')),
  },
  { additionalProperties: false },
);
export type CertificateFields = Static<typeof CertificateFields>;

/**
 * A document carried inside a SOAP request as base64 (`xs:base64Binary`); the hub stores it exactly like a REST
 * upload and answers its DocumentRef. Whitespace inside the content (line-wrapped base64) is allowed.
 */
export const DocumentAttachment = Type.Object(
  {
    type: DocumentType,
    fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    mediaType: Type.Optional(Type.String({ pattern: '^(application/pdf|image/png|image/jpeg|image/tiff)$', description: 'What the sender says the file is; the hub decides from the bytes and refuses a disagreement' })),
    content: Type.String({ contentEncoding: 'base64', description: 'The file, base64-encoded; at most DOCUMENT_MAX_BYTES once decoded' }),
  },
  { additionalProperties: false, description: 'A document sent with the request: PDF, PNG, JPEG or TIFF' },
);
export type DocumentAttachment = Static<typeof DocumentAttachment>;

export const DOCUMENT_ERROR_CODES = {
  empty: 'DOC_ERR_EMPTY',
  tooLarge: 'DOC_ERR_TOO_LARGE',
  unsupportedType: 'DOC_ERR_UNSUPPORTED_TYPE',
  typeMismatch: 'DOC_ERR_TYPE_MISMATCH',
  corrupt: 'DOC_ERR_CORRUPT',
  encrypted: 'DOC_ERR_ENCRYPTED',
  tooManyPages: 'DOC_ERR_TOO_MANY_PAGES',
  tooManyPixels: 'DOC_ERR_TOO_MANY_PIXELS',
  ocrFailed: 'DOC_ERR_OCR_FAILED',
  ocrUnavailable: 'DOC_ERR_OCR_UNAVAILABLE',
  notFound: 'DOC_ERR_NOT_FOUND',
} as const;
export type DocumentErrorCode = (typeof DOCUMENT_ERROR_CODES)[keyof typeof DOCUMENT_ERROR_CODES];

export const DocumentError = Type.Object(
  { code: Type.String({ pattern: '^DOC_ERR_[A-Z_]+$' }), message: Type.String() },
  { additionalProperties: false },
);
export type DocumentError = Static<typeof DocumentError>;

export const DocumentExtraction = Type.Object(
  {
    sha256: Type.Optional(Sha256),
    mediaType: Type.String(),
    status: Type.Union([Type.Literal('OK'), Type.Literal('UNREADABLE')]),
    error: Type.Optional(DocumentError),
    declaredType: Type.Optional(DocumentType),
    detectedType: DocumentType,
    pages: Type.Array(DocumentPage),
    invoice: Type.Optional(InvoiceFields),
    certificate: Type.Optional(CertificateFields),
    references: ReferenceFields,
    ms: Type.Number({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type DocumentExtraction = Static<typeof DocumentExtraction>;

/** Reason codes of document findings; the score worker turns them into Decision reasons. */
export const DOCUMENT_REASON_CODES = [
  'DOCUMENT_UNREADABLE',
  'INVOICE_MISSING',
  'INVOICE_PARTY_MISMATCH',
  'INVOICE_CURRENCY_MISMATCH',
  'ITEM_NOT_ON_INVOICE',
  'INVOICE_LINE_NOT_DECLARED',
  'QUANTITY_MISMATCH',
  'UNIT_PRICE_MISMATCH',
  'ITEM_VALUE_MISMATCH',
  'DECLARED_VALUE_BELOW_INVOICE',
  'GTIP_MISMATCH',
  'CERTIFICATE_MISSING',
  'CERTIFICATE_STANDARD_NOT_RELEVANT',
  'CERTIFICATE_NUMBER_MISMATCH',
  'CE_MARKING_MISSING',
  'DOCUMENTS_TIMED_OUT',
] as const;
export type DocumentReasonCode = (typeof DOCUMENT_REASON_CODES)[number];

export const Discrepancy = Type.Object(
  {
    field: Type.Union([Type.Literal('quantity'), Type.Literal('unitPrice'), Type.Literal('amount'), Type.Literal('gtip'), Type.Literal('currency')]),
    declared: Type.Union([Type.Number(), Type.String()]),
    found: Type.Union([Type.Number(), Type.String()]),
    relativeDiff: Type.Optional(Type.Number({ description: '(found − declared) / declared' })),
  },
  { additionalProperties: false },
);
export type Discrepancy = Static<typeof Discrepancy>;

export const CertificateCoverage = Type.Object(
  {
    required: Type.Boolean({ description: 'The GTİP chapter is one where a conformity document is expected' }),
    expectedStandards: Type.Array(Type.String({ description: 'Standard families relevant to the chapter, e.g. EN 71' })),
    covered: Type.Boolean(),
    standards: Type.Array(Type.String({ description: 'Relevant standards named by the documents' })),
    certificateSha256: Type.Optional(Sha256),
  },
  { additionalProperties: false },
);
export type CertificateCoverage = Static<typeof CertificateCoverage>;

export const ItemMatchResult = Type.Object(
  {
    itemNo: Type.Integer({ minimum: 1 }),
    matched: Type.Boolean(),
    score: Type.Number({ minimum: 0, maximum: 1, description: 'Agreement of the item with its best invoice line' }),
    line: Type.Optional(Type.Object({ sha256: Type.Optional(Sha256), lineNo: Type.Integer({ minimum: 1 }), description: Type.String() }, { additionalProperties: false })),
    similarity: Type.Object(
      {
        description: Type.Number({ minimum: 0, maximum: 1 }),
        quantity: Type.Number({ minimum: 0, maximum: 1 }),
        unitPrice: Type.Number({ minimum: 0, maximum: 1 }),
        amount: Type.Number({ minimum: 0, maximum: 1 }),
        gtip: Type.Number({ minimum: 0, maximum: 1 }),
      },
      { additionalProperties: false },
    ),
    discrepancies: Type.Array(Discrepancy),
    certificate: CertificateCoverage,
    reasons: Type.Array(Reason),
  },
  { additionalProperties: false },
);
export type ItemMatchResult = Static<typeof ItemMatchResult>;

export const DocumentFindings = Type.Object(
  {
    declarationId: DeclarationId,
    version: Version,
    documents: Type.Array(
      Type.Object(
        {
          sha256: Type.Optional(Sha256),
          declaredType: Type.Optional(DocumentType),
          detectedType: DocumentType,
          status: Type.Union([Type.Literal('OK'), Type.Literal('UNREADABLE')]),
          errorCode: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    items: Type.Array(ItemMatchResult),
    unmatchedLines: Type.Array(Type.Object({ sha256: Type.Optional(Sha256), lineNo: Type.Integer(), description: Type.String(), amount: Type.Optional(Type.Number()) }, { additionalProperties: false })),
    value: Type.Object(
      {
        declared: Type.Number(),
        invoiced: Type.Optional(Type.Number()),
        currency: Type.String(),
        relativeDiff: Type.Optional(Type.Number({ description: '(invoiced − declared) / declared' })),
      },
      { additionalProperties: false },
    ),
    features: Type.Record(Type.String(), Type.Number(), { description: 'Numeric features for the risk model, names prefixed doc_' }),
    reasons: Type.Array(Reason, { description: 'Declaration-level reasons; item reasons sit on the items' }),
  },
  { additionalProperties: false },
);
export type DocumentFindings = Static<typeof DocumentFindings>;
