import type { KpsVerifyRequest, KpsVerifyResult } from '@tareks/schemas';
import { ConnectorError } from '../shared/connector.errors.js';
import { turkishUpper } from '../shared/turkish.js';
import { KPS_ERROR_PREFIX } from './kps.errors.js';

/** TCKimlikNoDogrula arguments, in contract order, names upper-cased with Turkish rules. */
export const toKpsArgs = (r: KpsVerifyRequest): Record<string, string | number> => ({
  TCKimlikNo: r.tckn,
  Ad: turkishUpper(r.firstName),
  Soyad: turkishUpper(r.lastName),
  DogumYili: r.birthYear,
});

/** TCKimlikNoDogrulaResponse → result; anything but a boolean result is a malformed reply. */
export function fromKpsResponse(tckn: string, response: unknown): KpsVerifyResult {
  const value = (response as { TCKimlikNoDogrulaResult?: unknown } | null)?.TCKimlikNoDogrulaResult;
  if (typeof value === 'boolean') return { tckn, verified: value };
  if (value === 'true' || value === 'false') return { tckn, verified: value === 'true' };
  throw new ConnectorError(KPS_ERROR_PREFIX, 'MALFORMED_REPLY', 'KPS: TCKimlikNoDogrulaResult missing or not a boolean');
}
