import type { Declaration, EnrichmentResult, EnrichmentStep } from '@tareks/schemas';

/** Thrown when a step failed in a way worth retrying later (registry down, timeout). */
export class EnrichmentUnavailableError extends Error {
  override readonly name = 'EnrichmentUnavailableError';
  readonly code = 'HUB_ERR_ENRICHMENT_UNAVAILABLE';
  readonly retryable = true;
  constructor(readonly steps: string[], options?: { cause?: unknown }) {
    super(`enrichment unavailable: ${steps.join(', ')}`, options);
  }
}

/**
 * Runs every step in parallel. When steps fail and `giveUp` is false the whole enrichment is retried later
 * (the caller naks with back-off); once the message is older than the wait policy, failed steps are recorded
 * as UNAVAILABLE with the REGISTRY_UNAVAILABLE flag so the declaration is decided without them, never GREEN.
 */
export async function runEnrichment(steps: readonly EnrichmentStep[], declaration: Declaration, giveUp: boolean, timeoutMs: number): Promise<EnrichmentResult[]> {
  const signal = AbortSignal.timeout(timeoutMs);
  const started = performance.now();
  const settled = await Promise.allSettled(steps.map((s) => s.run(declaration, signal)));
  const failed = steps.filter((_, i) => settled[i]!.status === 'rejected').map((s) => s.name);
  if (failed.length && !giveUp) {
    const first = settled.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    throw new EnrichmentUnavailableError(failed, { cause: first.reason });
  }
  return settled.map((r, i) =>
    r.status === 'fulfilled'
      ? r.value
      : { step: steps[i]!.name, status: 'UNAVAILABLE', flags: ['REGISTRY_UNAVAILABLE'], tookMs: performance.now() - started },
  );
}
