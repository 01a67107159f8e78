import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { IngestMetrics } from '@tareks/adapters';
import type { Decision } from '@tareks/schemas';

/** The process's Prometheus metrics, served at `/metrics`. */
export class HubMetrics implements IngestMetrics {
  readonly registry = new Registry();
  private readonly decisions = new Counter({ name: 'tareks_decisions_total', help: 'Decisions made, by lane and customs office', labelNames: ['lane', 'office'], registers: [this.registry] });
  private readonly rejectedInputs = new Counter({ name: 'tareks_ingest_rejected_total', help: 'Inputs refused at the edge, by protocol and error code', labelNames: ['protocol', 'code'], registers: [this.registry] });
  private readonly latency = new Histogram({
    name: 'tareks_decision_latency_seconds',
    help: 'From receipt at the edge to the decision',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  /** Registry answers the orchestrator reused instead of asking the connector service (REGISTRY_LOCAL_CACHE_TTL_MS). */
  readonly registryLocalHits = new Counter({ name: 'tareks_registry_local_hits_total', help: 'Registry answers reused by the orchestrator without a request to the connector service, by registry', labelNames: ['registry'], registers: [this.registry] });
  readonly deadLetters = new Counter({ name: 'tareks_dead_letters_total', help: 'Messages dead-lettered, by stage and code', labelNames: ['stage', 'code'], registers: [this.registry] });
  private rejectedCount = 0;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  rejected(protocol: 'REST' | 'SOAP', code: string): void {
    this.rejectedCount++;
    this.rejectedInputs.inc({ protocol, code });
  }

  get rejectedTotal(): number {
    return this.rejectedCount;
  }

  decided(d: Decision): void {
    this.decisions.inc({ lane: d.lane, office: d.customsOffice });
    this.latency.observe(d.timings.totalMs / 1000);
  }
}
