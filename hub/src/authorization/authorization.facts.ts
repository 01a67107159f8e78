import type { NatsConnection } from '@nats-io/nats-core';
import { isConnectorError, requestRegistry } from '@tareks/connectors';
import type { AuthorizationRequest, EsbisTradesmanResult, KpsVerifyResult, MersisCompanyResult, RegistryName } from '@tareks/schemas';

/** A registry answer, or the fact that the registry could not give one. */
export type Lookup<T> = { readonly status: 'ok'; readonly result: T } | { readonly status: 'unavailable'; readonly code: string };

export interface AuthorizationFacts {
  readonly identity: Lookup<KpsVerifyResult>;
  /** Present when the trader is a firm (MERSİS number or 10-digit VKN). */
  readonly company?: Lookup<MersisCompanyResult>;
  /** Present when the trader is a tradesman (ESBİS number or TCKN as tax id). */
  readonly tradesman?: Lookup<EsbisTradesmanResult>;
}

export interface FactsDeps {
  readonly nc: NatsConnection;
  readonly ns: string;
  /** Time limit of one registry request over NATS, in ms. */
  readonly timeoutMs: number;
}

async function lookup<T>(deps: FactsDeps, registry: RegistryName, payload: unknown): Promise<Lookup<T>> {
  try {
    return { status: 'ok', result: (await requestRegistry<T>(deps.nc, deps.ns, registry, payload, deps.timeoutMs)).result };
  } catch (err) {
    if (isConnectorError(err)) return { status: 'unavailable', code: err.code };
    throw err;
  }
}

/** Asks KPS, and MERSİS or ESBİS as the trader requires, in parallel, through the connector services. */
export async function gatherAuthorizationFacts(req: AuthorizationRequest, deps: FactsDeps): Promise<AuthorizationFacts> {
  const { trader, applicant } = req;
  const isTradesman = trader.esbisNo !== undefined || trader.taxId?.length === 11;
  const companyKey = trader.mersisNo ? { mersisNo: trader.mersisNo } : trader.taxId?.length === 10 ? { vkn: trader.taxId } : undefined;
  const tradesmanKey = trader.taxId?.length === 11 ? { tckn: trader.taxId } : trader.taxId ? { vkn: trader.taxId } : undefined;
  const [identity, company, tradesman] = await Promise.all([
    lookup<KpsVerifyResult>(deps, 'kps', { tckn: applicant.tckn, firstName: applicant.firstName, lastName: applicant.lastName, birthYear: applicant.birthYear }),
    !isTradesman && companyKey ? lookup<MersisCompanyResult>(deps, 'mersis', companyKey) : undefined,
    isTradesman && tradesmanKey ? lookup<EsbisTradesmanResult>(deps, 'esbis', tradesmanKey) : undefined,
  ]);
  return { identity, ...(company ? { company } : {}), ...(tradesman ? { tradesman } : {}) };
}
