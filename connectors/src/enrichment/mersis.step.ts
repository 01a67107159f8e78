import type { Declaration, EnrichmentResult, MersisCompanyRequest, MersisCompanyResult, RegistryFlag } from '@tareks/schemas';

/** MERSİS applies to firms: a trader with a MERSİS number or a 10-digit VKN. Sole proprietors (TCKN) go to ESBİS. */
export function mersisRequestOf(d: Declaration): MersisCompanyRequest | undefined {
  if (d.trader.mersisNo) return { mersisNo: d.trader.mersisNo };
  if (d.trader.taxId.length === 10) return { vkn: d.trader.taxId };
  return undefined;
}

const STATUS_FLAGS: Partial<Record<string, RegistryFlag>> = {
  CLOSED: 'TRADER_CLOSED',
  IN_LIQUIDATION: 'TRADER_IN_LIQUIDATION',
  SUSPENDED: 'TRADER_SUSPENDED',
};

/**
 * Company status and the representative's authority on the declaration's date: listed in MERSİS, or (`viaAuthorization`)
 * holding a digital authorization the hub has approved.
 */
export function mersisFinding(d: Declaration, result: MersisCompanyResult, tookMs: number, viaAuthorization = false): EnrichmentResult {
  if (!result.found || !result.company) return { step: 'mersis', status: 'NOT_FOUND', flags: ['TRADER_NOT_REGISTERED'], tookMs };
  const c = result.company;
  const flags: RegistryFlag[] = [];
  const statusFlag = STATUS_FLAGS[c.status];
  if (statusFlag) flags.push(statusFlag);
  if (d.trader.taxId.length === 10 && c.vkn !== d.trader.taxId) flags.push('TRADER_ID_MISMATCH');
  const onDate = d.submittedAt.slice(0, 10);
  const authority = c.representatives.find((r) => r.tckn === d.representative.tckn && r.validUntil >= onDate);
  if (!authority && !viaAuthorization) flags.push('REPRESENTATIVE_NOT_AUTHORISED');
  return {
    step: 'mersis',
    status: 'OK',
    flags,
    data: { title: c.title, companyStatus: c.status, naceCodes: c.naceCodes, establishedOn: c.establishedOn, representativeAuthority: authority?.authority ?? (viaAuthorization ? 'AUTHORIZATION' : null) },
    tookMs,
  };
}
