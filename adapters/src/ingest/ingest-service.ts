import type { Decision, Declaration, DeclarationState, IngestProtocol, Receipt } from '@tareks/schemas';

export interface IngestContext {
  readonly clientId: string;
  readonly protocol: IngestProtocol;
}

export interface SubmitResult {
  readonly receipt: Receipt;
  /** Present when the caller asked to wait and the decision was ready in time. */
  readonly decision?: Decision;
}

/**
 * What the edge adapters (REST, SOAP) need from the pipeline. Implemented in the hub; the adapters only
 * validate, authenticate and map protocols.
 */
export interface IngestService {
  /** Persists a validated declaration (idempotent on id+version) and optionally waits for its decision. */
  submit(declaration: Declaration, ctx: IngestContext, waitMs?: number): Promise<SubmitResult>;
  /** Current state of the latest version of a declaration, or null when unknown. */
  status(id: string): Promise<DeclarationState | null>;
}

/** Counters the edges report to; implemented with Prometheus in the hub. */
export interface IngestMetrics {
  rejected(protocol: 'REST' | 'SOAP', code: string): void;
}
