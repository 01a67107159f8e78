import type { EsbisTradesmanRequest, EsbisTradesmanResult } from '@tareks/schemas';
import type { RegistryClient } from '../shared/connector.js';
import { ConnectorError } from '../shared/connector.errors.js';
import type { EsbisConfig } from './esbis.config.js';
import { ESBIS_ERROR_PREFIX, esbisError, esbisStatusKind } from './esbis.errors.js';
import { ESBIS_TRADESMEN_PATH, fromEsbisBody, toEsbisQuery } from './esbis.mapping.js';

/** ESBİS client: `GET /v1/tradesmen?tckn|vkn` over REST/JSON; 404 is "not registered". */
export class EsbisClient implements RegistryClient<EsbisTradesmanRequest, EsbisTradesmanResult> {
  private readonly base: string;

  constructor(config: Pick<EsbisConfig, 'url'>) {
    this.base = config.url.replace(/\/+$/, '');
  }

  static async open(config: Pick<EsbisConfig, 'url'>): Promise<EsbisClient> {
    return new EsbisClient(config);
  }

  async call(request: EsbisTradesmanRequest, signal: AbortSignal): Promise<EsbisTradesmanResult> {
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.base}${ESBIS_TRADESMEN_PATH}?${toEsbisQuery(request).toString()}`, { signal, headers: { accept: 'application/json' } });
      text = await res.text();
    } catch (err) {
      throw esbisError(err, signal);
    }
    if (res.status === 404) return { found: false };
    if (!res.ok) throw new ConnectorError(ESBIS_ERROR_PREFIX, esbisStatusKind(res.status), `ESBİS: HTTP ${res.status}`);
    return fromEsbisBody(text);
  }
}
