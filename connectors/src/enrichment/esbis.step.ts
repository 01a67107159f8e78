import type { Declaration, EnrichmentResult, EsbisTradesmanRequest, EsbisTradesmanResult, RegistryFlag } from '@tareks/schemas';

/** ESBİS applies to sole proprietors (trader tax id is a TCKN) and to any trader that states an ESBİS number. */
export function esbisRequestOf(d: Declaration): EsbisTradesmanRequest | undefined {
  if (d.trader.taxId.length === 11) return { tckn: d.trader.taxId };
  if (d.trader.esbisNo) return { vkn: d.trader.taxId };
  return undefined;
}

/**
 * Tradesman record and status. ESBİS lists no representatives: anyone but the tradesman himself needs a digital
 * authorization the hub has approved (`viaAuthorization`).
 */
export function esbisFinding(d: Declaration, result: EsbisTradesmanResult, tookMs: number, viaAuthorization = false): EnrichmentResult {
  if (!result.found || !result.tradesman) return { step: 'esbis', status: 'NOT_FOUND', flags: ['TRADESMAN_NOT_FOUND'], tookMs };
  const t = result.tradesman;
  const flags: RegistryFlag[] = [];
  if (t.status === 'CLOSED') flags.push('TRADER_CLOSED');
  if (t.tckn !== d.representative.tckn && !viaAuthorization) flags.push('REPRESENTATIVE_NOT_AUTHORISED');
  return {
    step: 'esbis',
    status: 'OK',
    flags,
    data: { esbisNo: t.esbisNo, trade: t.trade, chamber: t.chamber, tradesmanStatus: t.status, registeredOn: t.registeredOn, actingBy: t.tckn === d.representative.tckn ? 'SELF' : viaAuthorization ? 'AUTHORIZATION' : null },
    tookMs,
  };
}
