import type { Declaration, EnrichmentResult, KpsVerifyRequest, KpsVerifyResult, RegistryFlag } from '@tareks/schemas';

/** The KPS request for a declaration: its representative's identity. */
export const kpsRequestOf = (d: Declaration): KpsVerifyRequest => ({
  tckn: d.representative.tckn,
  firstName: d.representative.firstName,
  lastName: d.representative.lastName,
  birthYear: d.representative.birthYear,
});

export function kpsFinding(result: KpsVerifyResult, tookMs: number): EnrichmentResult {
  const flags: RegistryFlag[] = result.verified ? [] : ['IDENTITY_MISMATCH'];
  return { step: 'kps', status: 'OK', flags, data: { verified: result.verified }, tookMs };
}
