import { Type, type Static, type TSchema } from 'typebox';
import { AuthorizationStatus } from './authorization.schema.js';
import { CustomsOffice, Domain, Lane } from './common.schema.js';
import { SelectionCause } from './decision.schema.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Count = Type.Integer({ minimum: 0 });
const Rate = Nullable(Type.Number({ minimum: 0, description: 'Share 0–1; null when its denominator is zero' }));
const Day = Type.String({ format: 'date', description: 'Calendar day in Türkiye time (UTC+3)' });

export const REPORT_FORMATS = ['json', 'csv'] as const;

/** Query of every report: a date range of decision days (inclusive; default the last 30 days) and the output format. */
export const ReportQuery = Type.Object(
  {
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    format: Type.Optional(Type.Enum(REPORT_FORMATS, { default: 'json' })),
  },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuery>;

export const ReportRange = Type.Object({ from: Day, to: Day }, { additionalProperties: false });
export type ReportRange = Static<typeof ReportRange>;

export const VOLUME_DIMENSIONS = ['lane', 'office', 'domain', 'day'] as const;
export const VolumeDimension = Type.Enum(VOLUME_DIMENSIONS);
export type VolumeDimension = Static<typeof VolumeDimension>;

export const VolumeRow = Type.Object(
  {
    key: Type.String(),
    declarations: Type.Integer({ minimum: 0, description: 'Declarations in the group; for lanes, those whose overall lane is this one' }),
    items: Count,
    green: Count,
    yellow: Count,
    red: Count,
  },
  { additionalProperties: false },
);
export const VolumeReport = Type.Object({ range: ReportRange, by: VolumeDimension, rows: Type.Array(VolumeRow) }, { additionalProperties: false });
export type VolumeReport = Static<typeof VolumeReport>;

export const InspectionRateRow = Type.Object(
  {
    customsOffice: CustomsOffice,
    domain: Domain,
    items: Count,
    yellow: Count,
    red: Count,
    yellowRate: Rate,
    redRate: Rate,
    capacityYellow: Type.Number({ description: 'Planned share of items for documentary checks' }),
    capacityRed: Type.Number({ description: 'Planned share of items for physical inspection' }),
    redUtilisation: Rate,
  },
  { additionalProperties: false },
);
export const InspectionRateReport = Type.Object({ range: ReportRange, rows: Type.Array(InspectionRateRow) }, { additionalProperties: false });
export type InspectionRateReport = Static<typeof InspectionRateReport>;

export const HitRateRow = Type.Object(
  { selectionCause: SelectionCause, selected: Count, inspected: Count, nonCompliant: Count, hitRate: Rate },
  { additionalProperties: false },
);
export const HitRateReport = Type.Object({ range: ReportRange, rows: Type.Array(HitRateRow) }, { additionalProperties: false });
export type HitRateReport = Static<typeof HitRateReport>;

export const ModelPerformanceRow = Type.Object(
  {
    day: Day,
    modelVersion: Type.String(),
    items: Count,
    inspected: Count,
    nonCompliant: Count,
    hitRate: Rate,
    meanScoreCompliant: Nullable(Type.Number()),
    meanScoreNonCompliant: Nullable(Type.Number()),
    auc: Nullable(Type.Number({ description: 'ROC AUC of the score on inspected items (Mann–Whitney); null without both outcomes' })),
  },
  { additionalProperties: false },
);
export const ModelPerformanceReport = Type.Object({ range: ReportRange, rows: Type.Array(ModelPerformanceRow) }, { additionalProperties: false });
export type ModelPerformanceReport = Static<typeof ModelPerformanceReport>;

export const TopQuery = Type.Object(
  { ...ReportQuery.properties, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })) },
  { additionalProperties: false },
);
export type TopQuery = Static<typeof TopQuery>;

const RiskFigures = {
  items: Count,
  meanScore: Type.Number(),
  redShare: Type.Number(),
  inspected: Count,
  nonCompliant: Count,
  nonComplianceRate: Rate,
};

export const TraderRiskRow = Type.Object(
  { taxId: Type.String(), name: Type.String(), declarations: Count, ...RiskFigures },
  { additionalProperties: false },
);
export const TraderRiskReport = Type.Object({ range: ReportRange, rows: Type.Array(TraderRiskRow) }, { additionalProperties: false });
export type TraderRiskReport = Static<typeof TraderRiskReport>;

export const ProductRiskRow = Type.Object(
  { gtip: Type.String(), chapter: Type.String(), description: Type.String(), ...RiskFigures },
  { additionalProperties: false },
);
export const ProductRiskReport = Type.Object({ range: ReportRange, rows: Type.Array(ProductRiskRow) }, { additionalProperties: false });
export type ProductRiskReport = Static<typeof ProductRiskReport>;

export const AuthorizationDayRow = Type.Object(
  { day: Day, status: AuthorizationStatus, count: Count },
  { additionalProperties: false },
);
export const AuthorizationReport = Type.Object(
  {
    range: ReportRange,
    rows: Type.Array(AuthorizationDayRow),
    rejectionReasons: Type.Array(Type.Object({ code: Type.String(), count: Count }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type AuthorizationReport = Static<typeof AuthorizationReport>;

const MapFigures = { items: Count, meanScore: Type.Number(), inspected: Count, nonCompliant: Count, nonComplianceRate: Rate };

/** Product risk map: GTİP chapter (2 digits) × origin country, and the same per origin for the world map. */
export const RiskMapCell = Type.Object({ chapter: Type.String({ pattern: '^[0-9]{2}$' }), origin: Type.String(), ...MapFigures }, { additionalProperties: false });
export const RiskMapOrigin = Type.Object({ origin: Type.String(), ...MapFigures }, { additionalProperties: false });
export const RiskMapReport = Type.Object(
  { range: ReportRange, cells: Type.Array(RiskMapCell), byOrigin: Type.Array(RiskMapOrigin) },
  { additionalProperties: false },
);
export type RiskMapReport = Static<typeof RiskMapReport>;

/** Click-through of the risk map: the decided items of one heatmap cell (chapter and origin) or one country (origin only). */
export const RiskMapItemsQuery = Type.Object(
  {
    ...ReportQuery.properties,
    chapter: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'GTİP chapter (first two digits)' })),
    origin: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'Origin country, ISO 3166-1 alpha-2' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type RiskMapItemsQuery = Static<typeof RiskMapItemsQuery>;

export const RiskMapItemRow = Type.Object(
  {
    declarationId: Type.String(),
    version: Type.Integer({ minimum: 1 }),
    itemNo: Type.Integer({ minimum: 1 }),
    gtip: Type.String(),
    origin: Type.String(),
    customsOffice: Type.String(),
    traderTaxId: Nullable(Type.String()),
    traderName: Nullable(Type.String()),
    score: Type.Number(),
    lane: Lane,
    selectionCause: SelectionCause,
    outcome: Nullable(Type.Union([Type.Literal('COMPLIANT'), Type.Literal('NON_COMPLIANT')], { description: 'Set once an inspector recorded it' })),
    decidedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type RiskMapItemRow = Static<typeof RiskMapItemRow>;

export const RiskMapItemsReport = Type.Object(
  {
    range: ReportRange,
    chapter: Nullable(Type.String()),
    origin: Nullable(Type.String()),
    total: Count,
    limit: Type.Integer({ minimum: 1 }),
    offset: Type.Integer({ minimum: 0 }),
    rows: Type.Array(RiskMapItemRow),
  },
  { additionalProperties: false },
);
export type RiskMapItemsReport = Static<typeof RiskMapItemsReport>;
