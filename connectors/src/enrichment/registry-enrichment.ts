import { performance } from 'node:perf_hooks';
import type { NatsConnection } from '@nats-io/nats-core';
import { LRUCache } from 'lru-cache';
import type {
  Declaration, EnrichmentResult, EnrichmentStep, EsbisTradesmanResult, KpsVerifyResult, MersisCompanyResult, RegistryName, RegistryReply,
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
  /**
   * How long a registry's answer is reused in this process without asking the service again, in ms; 0 = always ask.
   * The services cache answers in Redis for much longer (CACHE_TTL_SEC): this only spares a busy trader's repeated
   * declarations the round trip. Default 30 000.
   */
  readonly localCacheTtlMs?: number;
  /** Most answers kept in this process. Default 10 000. */
  readonly localCacheMax?: number;
  /** Called for each answer taken from this process's cache instead of the service (metrics). */
  readonly onLocalHit?: (registry: RegistryName) => void;
}

type Replies = LRUCache<string, RegistryReply<unknown>> | null;

/** The registry's answer to `request`: from this process's cache while fresh, else from the service (then kept). */
async function ask<Res>(name: RegistryName, request: unknown, opts: RegistryEnrichmentOptions, replies: Replies, signal: AbortSignal): Promise<RegistryReply<Res>> {
  const key = replies ? `${name}:${JSON.stringify(request)}` : '';
  const kept = replies?.get(key);
  if (kept) {
    opts.onLocalHit?.(name);
    return kept as RegistryReply<Res>;
  }
  const reply = await requestRegistry<Res>(opts.nc, opts.ns, name, request, opts.timeoutMs ?? 10_000, signal);
  replies?.set(key, reply);
  return reply;
}

function step<Req, Res>(
  name: RegistryName,
  opts: RegistryEnrichmentOptions,
  replies: Replies,
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
        const reply = await ask<Res>(name, request, opts, replies, signal);
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
 * The registry enrichment steps (KPS, MERSİS, ESBİS) as requests to the connector services over NATS; an answer is
 * reused by these steps for `localCacheTtlMs`.
 * A step throws CONN_ERR_REGISTRY_UNAVAILABLE (retryable) when its registry cannot answer; the orchestrator then
 * applies the wait-then-decide policy described in connectors/README.md.
 */
export function registryEnrichmentSteps(opts: RegistryEnrichmentOptions): EnrichmentStep[] {
  const ttl = opts.localCacheTtlMs ?? 30_000;
  const replies: Replies = ttl > 0 ? new LRUCache({ max: opts.localCacheMax ?? 10_000, ttl }) : null;
  return [
    step<ReturnType<typeof kpsRequestOf>, KpsVerifyResult>('kps', opts, replies, kpsRequestOf, (_d, r, ms) => kpsFinding(r, ms)),
    step<ReturnType<typeof mersisRequestOf>, MersisCompanyResult>('mersis', opts, replies, mersisRequestOf, mersisFinding),
    step<ReturnType<typeof esbisRequestOf>, EsbisTradesmanResult>('esbis', opts, replies, esbisRequestOf, esbisFinding),
  ];
}
