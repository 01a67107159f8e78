import { Type, type Static } from 'typebox';
import { CustomsOffice, DateTime, DeclarationId, Sha256, Version } from './common.schema.js';
import { Decision } from './decision.schema.js';
import { Declaration, DocumentRef } from './declaration.schema.js';
import { DocumentExtraction, DocumentFindings } from './documents.schema.js';

/** Stable codes of the inspection API (`/v1/inspection/…`). */
export const INSPECTION_ERROR_CODES = {
  notFound: 'HUB_ERR_INSPECTION_NOT_FOUND',
  notRouted: 'HUB_ERR_INSPECTION_NOT_ROUTED',
  documentNotAttached: 'HUB_ERR_INSPECTION_DOCUMENT_NOT_ATTACHED',
  pageNotFound: 'HUB_ERR_INSPECTION_PAGE_NOT_FOUND',
  renderFailed: 'HUB_ERR_INSPECTION_RENDER_FAILED',
  busy: 'HUB_ERR_INSPECTION_BUSY',
  worklistUnavailable: 'HUB_ERR_INSPECTION_WORKLIST_UNAVAILABLE',
} as const;

/** Lanes that send an item to inspection: YELLOW documentary check, RED physical inspection. */
export const InspectionLane = Type.Union([Type.Literal('YELLOW'), Type.Literal('RED')]);
export type InspectionLane = Static<typeof InspectionLane>;

export const InspectionWorkListQuery = Type.Object(
  {
    office: Type.Optional(CustomsOffice),
    lane: Type.Optional(InspectionLane),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type InspectionWorkListQuery = Static<typeof InspectionWorkListQuery>;

/** One item waiting for its inspection result. */
export const InspectionWorkItem = Type.Object(
  {
    declarationId: DeclarationId,
    version: Version,
    itemNo: Type.Integer({ minimum: 1 }),
    customsOffice: Type.String(),
    lane: InspectionLane,
    score: Type.Union([Type.Number(), Type.Null()]),
    selectionCause: Type.Union([Type.String(), Type.Null()]),
    topReason: Type.Union([Type.String(), Type.Null()]),
    gtip: Type.Union([Type.String(), Type.Null()]),
    origin: Type.Union([Type.String(), Type.Null()]),
    decidedAt: Type.Union([DateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type InspectionWorkItem = Static<typeof InspectionWorkItem>;

export const InspectionWorkList = Type.Object(
  {
    items: Type.Array(InspectionWorkItem, { description: 'Newest decision first' }),
    total: Type.Integer({ minimum: 0, description: 'Items waiting under the filter' }),
    offices: Type.Array(Type.String(), { description: 'Offices with items waiting (for the filter)' }),
  },
  { additionalProperties: false },
);
export type InspectionWorkList = Static<typeof InspectionWorkList>;

export const InspectionDeclarationParams = Type.Object(
  { id: DeclarationId, version: Version },
  { additionalProperties: false },
);
export type InspectionDeclarationParams = Static<typeof InspectionDeclarationParams>;

/** A document of the declaration with what OCR read from it (absent while not read, or never read before the deadline). */
export const InspectionDocument = Type.Object(
  {
    ref: DocumentRef,
    status: Type.Union([Type.Literal('READ'), Type.Literal('UNREADABLE'), Type.Literal('NOT_READ')]),
    pageCount: Type.Integer({ minimum: 0 }),
    extraction: Type.Optional(DocumentExtraction),
  },
  { additionalProperties: false },
);
export type InspectionDocument = Static<typeof InspectionDocument>;

export const RecordedResult = Type.Object(
  { itemNo: Type.Integer({ minimum: 1 }), result: Type.Union([Type.Literal('COMPLIANT'), Type.Literal('NON_COMPLIANT')]) },
  { additionalProperties: false },
);
export type RecordedResult = Static<typeof RecordedResult>;

/** Everything the inspector screen shows of one declaration version. */
export const InspectionView = Type.Object(
  {
    declaration: Declaration,
    receivedAt: DateTime,
    decision: Decision,
    documents: Type.Array(InspectionDocument),
    /** Item ↔ invoice line matching, recomputed from the stored extractions; absent without documents. */
    findings: Type.Optional(DocumentFindings),
    outcomes: Type.Array(RecordedResult, { description: 'Results recorded so far for this version' }),
    inspectionItems: Type.Array(Type.Integer({ minimum: 1 }), { description: 'Items routed to inspection (YELLOW or RED)' }),
  },
  { additionalProperties: false },
);
export type InspectionView = Static<typeof InspectionView>;

export const InspectionPageParams = Type.Object(
  { sha256: Sha256, page: Type.String({ pattern: '^[1-9][0-9]{0,2}\\.png$', description: 'Page number with .png, e.g. 1.png' }) },
  { additionalProperties: false },
);
export type InspectionPageParams = Static<typeof InspectionPageParams>;

export const InspectionPageQuery = Type.Object(
  { declarationId: DeclarationId, version: Version },
  { additionalProperties: false, description: 'The declaration the document is viewed for (access is checked against it)' },
);
export type InspectionPageQuery = Static<typeof InspectionPageQuery>;
