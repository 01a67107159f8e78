import { EsbisTradesmanBody, compile, type EsbisTradesmanRequest, type EsbisTradesmanResult } from '@tareks/schemas';
import { ConnectorError } from '../shared/connector.errors.js';
import { ESBIS_ERROR_PREFIX } from './esbis.errors.js';

export const ESBIS_TRADESMEN_PATH = '/v1/tradesmen';

const validBody = compile<EsbisTradesmanBody>(EsbisTradesmanBody);

/** Query string of a lookup: `?tckn=…` or `?vkn=…`. */
export const toEsbisQuery = (r: EsbisTradesmanRequest): URLSearchParams =>
  new URLSearchParams('tckn' in r ? { tckn: r.tckn } : { vkn: r.vkn });

/** A 200 body → result; a body that is not the contract is a malformed reply. */
export function fromEsbisBody(text: string): EsbisTradesmanResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ConnectorError(ESBIS_ERROR_PREFIX, 'MALFORMED_REPLY', 'ESBİS: body is not JSON', { cause });
  }
  const v = validBody(json);
  if (!v.ok) throw new ConnectorError(ESBIS_ERROR_PREFIX, 'MALFORMED_REPLY', `ESBİS: body is not the contract (${v.errors.map((e) => `${e.pointer} ${e.code}`).join('; ')})`);
  return { found: true, tradesman: v.value.tradesman };
}
