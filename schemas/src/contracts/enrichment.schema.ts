import { Type, type Static } from 'typebox';

/**
 * What one enrichment step (a registry lookup) found about a declaration. `flags` are reason codes the
 * score worker turns into reasons, e.g. TRADER_NOT_REGISTERED, REPRESENTATIVE_NOT_AUTHORISED.
 */
export const EnrichmentResult = Type.Object(
  {
    step: Type.String({ description: 'Step name, e.g. kps, mersis, esbis' }),
    status: Type.Union([Type.Literal('OK'), Type.Literal('NOT_FOUND'), Type.Literal('UNAVAILABLE'), Type.Literal('SKIPPED')]),
    flags: Type.Array(Type.String({ pattern: '^[A-Z][A-Z0-9_]*$' })),
    data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    tookMs: Type.Number({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type EnrichmentResult = Static<typeof EnrichmentResult>;
