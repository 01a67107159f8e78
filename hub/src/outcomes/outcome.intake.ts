import { headers } from '@nats-io/nats-core';
import type { JetStreamClient } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import { IngestError, OUTCOME_ERROR_CODES, type OutcomeCaller, type OutcomeService } from '@tareks/adapters';
import type { InspectionOutcome, Names, OutcomeReceipt } from '@tareks/schemas';
import type { DeclarationStateStore } from '../state/declaration-state.store.js';
import { outcomeKey, RECORDED_BY_HEADER } from './outcome-keys.js';
import { outcomeEvent } from '../timeline/timeline-events.js';
import type { TimelineRecorder } from '../timeline/timeline.recorder.js';

/**
 * Outcome intake: checks that the item was decided, refuses a result contradicting one already recorded, and
 * publishes to `<ns>.outcome.<office>` with the item key as `Nats-Msg-Id`. Recording the same result again is a
 * duplicate, not an error.
 */
export class OutcomeIntake implements OutcomeService {
  constructor(
    private readonly js: JetStreamClient,
    private readonly names: Names,
    private readonly states: DeclarationStateStore,
    /** The outcomes KV (written by the projector). */
    private readonly recorded: KV,
    /** Where OUTCOME_RECORDED is appended to the declaration's timeline. */
    private readonly timeline?: TimelineRecorder,
  ) {}

  async record(o: InspectionOutcome, caller: OutcomeCaller): Promise<OutcomeReceipt> {
    const decision = (await this.states.get(o.declarationId))?.decision;
    if (!decision || decision.version !== o.version || !decision.items.some((i) => i.itemNo === o.itemNo)) {
      throw new IngestError(OUTCOME_ERROR_CODES.unknownItem, `no decided item ${o.itemNo} in ${o.declarationId} version ${o.version}`, 404);
    }
    const key = outcomeKey(o);
    const base = { declarationId: o.declarationId, version: o.version, itemNo: o.itemNo };
    const earlier = await this.recorded.get(key);
    if (earlier && earlier.operation === 'PUT') {
      if (earlier.string() !== o.result) throw new IngestError(OUTCOME_ERROR_CODES.conflict, `item already recorded as ${earlier.string()}`, 409);
      return { ...base, duplicate: true };
    }
    const h = headers();
    h.set(RECORDED_BY_HEADER, `${caller.kind}:${caller.id}`);
    const ack = await this.js.publish(this.names.subjects.outcome(decision.customsOffice), JSON.stringify(o), { msgID: key, headers: h });
    if (!ack.duplicate) this.timeline?.record(outcomeEvent(o, `${caller.kind}:${caller.id}`));
    return { ...base, duplicate: ack.duplicate };
  }
}
