import { DeliverPolicy, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { InspectionOutcome, Names, ScoredDeclaration } from '@tareks/schemas';
import { outcomeKey } from './outcome-keys.js';
import { scoredRecordOf } from './scored-records.js';

/** One labelled item: the vector it was scored with, its label, and the champion's and shadow's scores. */
export interface TrainingRow {
  readonly key: string;
  readonly inspectedAt: string;
  readonly features: readonly number[];
  /** 1 non-compliant. */
  readonly label: 0 | 1;
  readonly score: number;
  readonly modelVersion: string;
  readonly shadowScore?: number;
  readonly shadowVersion?: string;
}

/**
 * The training set as a projection of the streams of record: every outcome (first result per item) joined with the
 * scored record of its declaration version. Rebuilt on each read, which suits a retraining run every few hours;
 * at millions of outcomes it would become a durable projection into the warehouse.
 */
export class TrainingStore {
  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly names: Names,
  ) {}

  async rows(): Promise<TrainingRow[]> {
    const info = await this.jsm.streams.info(this.names.streams.outcomes);
    if (info.state.messages === 0) return [];
    const consumer = await this.js.consumers.get(this.names.streams.outcomes, { deliver_policy: DeliverPolicy.All });
    const outcomes = new Map<string, InspectionOutcome>();
    const messages = await consumer.consume({ max_messages: 1000 });
    try {
      for await (const m of messages) {
        const o = m.json<InspectionOutcome>();
        if (!outcomes.has(outcomeKey(o))) outcomes.set(outcomeKey(o), o);
        if (m.info.pending === 0) break;
      }
    } finally {
      await messages.close();
    }
    const scored = new Map<string, Promise<ScoredDeclaration | null>>();
    const rows: TrainingRow[] = [];
    for (const [key, o] of outcomes) {
      const sk = `${o.declarationId}:${o.version}`;
      if (!scored.has(sk)) scored.set(sk, scoredRecordOf(this.jsm, this.names, o.declarationId, o.version));
      const s = await scored.get(sk)!;
      const item = s?.items.find((i) => i.itemNo === o.itemNo);
      if (!s || !item) continue;
      rows.push({
        key,
        inspectedAt: o.inspectedAt,
        features: item.features,
        label: o.result === 'NON_COMPLIANT' ? 1 : 0,
        score: item.score,
        modelVersion: s.modelVersion,
        ...(item.shadowScore !== undefined && s.shadowVersion ? { shadowScore: item.shadowScore, shadowVersion: s.shadowVersion } : {}),
      });
    }
    return rows.sort((a, b) => a.inspectedAt.localeCompare(b.inspectedAt));
  }
}
