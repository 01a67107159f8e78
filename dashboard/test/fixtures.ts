import type { DecisionEvent, MetricsSnapshot } from '@tareks/schemas';

export function decision(serial: number): DecisionEvent {
  return {
    declarationId: `26341300IM${String(serial).padStart(6, '0')}`,
    version: 1,
    customsOffice: '341300',
    kind: 'IMPORT',
    domain: 'PRODUCT_SAFETY',
    lane: 'GREEN',
    itemCount: 1,
    maxScore: 0.1,
    modelVersion: 'rules-test',
    totalMs: 3,
    decidedAt: new Date(Date.UTC(2026, 10, 24, 12, 0, 0, serial)).toISOString(),
  };
}

export function snapshot(atSeconds: number, decisionsPerSecond: number): MetricsSnapshot {
  return {
    at: new Date(atSeconds * 1000).toISOString(),
    decisionsPerSecond,
    decisionsTotal: 0,
    lanes: { GREEN: 0, YELLOW: 0, RED: 0 },
    latencyMs: { p50: 1, p99: 2 },
    rejectedTotal: 0,
    queues: {},
    streams: {},
    connectors: [],
  };
}
