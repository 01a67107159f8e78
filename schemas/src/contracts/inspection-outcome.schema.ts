import { Type, type Static } from 'typebox';
import { DateTime, DeclarationId, Version } from './common.schema.js';

export const InspectionOutcome = Type.Object(
  {
    declarationId: DeclarationId,
    version: Version,
    itemNo: Type.Integer({ minimum: 1, maximum: 999 }),
    inspector: Type.String({ minLength: 1, maxLength: 120 }),
    result: Type.Union([Type.Literal('COMPLIANT'), Type.Literal('NON_COMPLIANT')]),
    findings: Type.Array(
      Type.Object({ code: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$' }), text: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }),
      { maxItems: 50 },
    ),
    inspectedAt: DateTime,
  },
  { additionalProperties: false },
);
export type InspectionOutcome = Static<typeof InspectionOutcome>;
