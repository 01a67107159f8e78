import { performance } from 'node:perf_hooks';
import type { NatsConnection } from '@nats-io/nats-core';
import type {
  Declaration, EnrichmentResult, EnrichmentStep, EsbisTradesmanResult, KpsVerifyResult, MersisCompanyResult, RegistryName,
} from '@tareks/schemas';
import { isConnectorError } from '../shared/connector.errors.js';
import { requestRegistry } from './registry-request.js';
import { esbisFinding, esbisRequestOf } from './esbis.step.js';
import { kpsFinding, kpsRequestOf } from './kps.step.js';
import { mersisFinding, mersisRequestOf } from './mersis.step.js';

export interface RegistryEnrichmentOptions {
  readonly nc: NatsConnection;
  readonly ns: string;
  /**
   * Time limit of one request to a registry service, in ms. It must exceed the service's own budget
   * (timeout × (retries + 1) plus back-off), or the step gives up while the service is still retrying. Default 10 000.
   */
  readonly timeoutMs?: number;
  /**
   * Whether the declaration's representative holds a valid, approved digital authorization for its trader (the hub's
   * authorization store). Asked only when the registry does not list the representative; without it such a
   * representative is flagged REPRESENTATIVE_NOT_AUTHORISED.
   */
  readonly holdsAuthorization?: (declaration: Declaration) => Promise<boolean>;
}

function step<Req, Res>(
  name: RegistryName,
  opts: RegistryEnrichmentOptions,
  requestOf: (d: Declaration) => Req | undefined,
  finding: (d: Declaration, r: Res, tookMs: number, viaAuthorization?: boolean) => EnrichmentResult,
): EnrichmentStep {
  return {
    name,
    async run(d, signal) {
      const request = requestOf(d);
      if (request === undefined) return { step: name, status: 'SKIPPED', flags: [], tookMs: 0 };
      const started = performance.now();
      try {
        const reply = await requestRegistry<Res>(opts.nc, opts.ns, name, request, opts.timeoutMs ?? 10_000, signal);
        const found = finding(d, reply.result, performance.now() - started);
        if (!found.flags.includes('REPRESENTATIVE_NOT_AUTHORISED') || !opts.holdsAuthorization || !(await opts.holdsAuthorization(d))) return found;
        return finding(d, reply.result, performance.now() - started, true);
      } catch (err) {
        // A request the registry refuses will be refused again: record it rather than retry (never GREEN on it).
        if (isConnectorError(err) && !err.retryable) {
          return { step: name, status: 'UNAVAILABLE', flags: ['REGISTRY_UNAVAILABLE'], data: { error: err.code }, tookMs: performance.now() - started };
        }
        throw err;
      }
    },
  };
}

/**
 * The registry enrichment steps (KPS, MERSİS, ESBİS) as requests to the connector services over NATS.
 * A step throws CONN_ERR_REGISTRY_UNAVAILABLE (retryable) when its registry cannot answer; the orchestrator then
 * applies the wait-then-decide policy described in connectors/README.md.
 */
export function registryEnrichmentSteps(opts: RegistryEnrichmentOptions): EnrichmentStep[] {
  return [
    step<ReturnType<typeof kpsRequestOf>, KpsVerifyResult>('kps', opts, kpsRequestOf, (_d, r, ms) => kpsFinding(r, ms)),
    step<ReturnType<typeof mersisRequestOf>, MersisCompanyResult>('mersis', opts, mersisRequestOf, mersisFinding),
    step<ReturnType<typeof esbisRequestOf>, EsbisTradesmanResult>('esbis', opts, esbisRequestOf, esbisFinding),
  ];
}
