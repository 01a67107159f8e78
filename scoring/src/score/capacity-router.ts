import type { Domain } from '@tareks/schemas';
import { capacityKey, DEFAULT_LANE_POLICY, type LaneCapacity, type LanePolicy } from '../lanes/lane-policy.js';
import { LaneRouter } from '../lanes/lane-router.js';

export interface Capacities {
  readonly default: LaneCapacity;
  /** Per `office:domain`. */
  readonly byKey: Readonly<Record<string, LaneCapacity>>;
}

/**
 * A lane router whose capacities change at run time (admin setting); the sliding score windows are kept, so the
 * thresholds move to the new shares at the next item without a cold start.
 */
export class CapacityRouter extends LaneRouter {
  private capacities: Capacities;

  constructor(policy: Partial<LanePolicy> = {}, random?: () => number) {
    super(policy, random);
    this.capacities = { default: policy.capacity ?? DEFAULT_LANE_POLICY.capacity, byKey: policy.capacityByKey ?? {} };
  }

  setCapacities(c: Capacities): void {
    this.capacities = c;
  }

  override capacityOf(office: string, domain: Domain): LaneCapacity {
    return this.capacities.byKey[capacityKey(office, domain)] ?? this.capacities.default;
  }
}
