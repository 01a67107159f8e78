import type { Declaration } from './declaration.schema.js';
import type { EnrichmentResult } from './enrichment.schema.js';

/**
 * One enrichment of a declaration before scoring (a registry lookup). The orchestrator runs all steps in
 * parallel. A step resolves with its finding; it throws only for a retryable failure (the orchestrator owns
 * the retry policy and, past its age limit, records the step as UNAVAILABLE).
 */
export interface EnrichmentStep {
  readonly name: string;
  run(declaration: Declaration, signal: AbortSignal): Promise<EnrichmentResult>;
}
