import type { Domain, Lane, Reason, SelectionCause } from '@tareks/schemas';
import { capacityKey, DEFAULT_LANE_POLICY, type LaneCapacity, type LanePolicy } from './lane-policy.js';
import { LANE_REASON_TEXT } from './lane-reasons.js';
import { SlidingQuantile } from './sliding-quantile.js';

export interface LaneInput {
  readonly score: number;
  readonly office: string;
  readonly domain: Domain;
  /** A registry hard rule fired (e.g. trader closed, representative not authorised). */
  readonly hardRule: boolean;
  /** Trader, product or brand is on the watch list. */
  readonly watchListed: boolean;
  /** The trader's inspection record as known now. */
  readonly trader: { readonly cleanInspections: number; readonly daysSinceLastNonCompliance: number | null };
}

export interface LaneDecision {
  readonly lane: Lane;
  readonly cause: SelectionCause;
  /** Why the lane differs from what the score alone would give (rules, random, protection). */
  readonly reasons: Reason[];
  /** Thresholds in force for this office × domain when the item was routed. */
  readonly thresholds: { readonly yellow: number; readonly red: number };
}

const reason = (code: keyof typeof LANE_REASON_TEXT, weight = 0): Reason => ({ code, weight, text: LANE_REASON_TEXT[code] });

/**
 * Routes scored items to lanes so that inspection load follows capacity: thresholds are quantiles of
 * the recent scores of the same office × domain; a share goes to random control; rules override the
 * score; traders with a long clean record are protected by one lane.
 */
export class LaneRouter {
  private readonly windows = new Map<string, SlidingQuantile>();
  private readonly policy: LanePolicy;

  constructor(
    policy: Partial<LanePolicy> = {},
    /** Uniform [0, 1) source for random control (seeded in tests and evaluations). */
    private readonly random: () => number = Math.random,
  ) {
    this.policy = { ...DEFAULT_LANE_POLICY, ...policy };
  }

  capacityOf(office: string, domain: Domain): LaneCapacity {
    return this.policy.capacityByKey[capacityKey(office, domain)] ?? this.policy.capacity;
  }

  /** The random inspection rate: the larger of the minimum rate and the exploration share of the budget. */
  randomRate(c: LaneCapacity): number {
    return Math.max(this.policy.minRandomRate, this.policy.exploreShare * (c.red + c.yellow));
  }

  /** Current thresholds: the risk part of the budget (budget minus random share) taken from the top of the window. */
  thresholds(office: string, domain: Domain): { yellow: number; red: number } {
    const w = this.windows.get(capacityKey(office, domain));
    if (!w || w.count < this.policy.minWindow) return { ...this.policy.coldThresholds };
    const c = this.capacityOf(office, domain);
    const budget = c.red + c.yellow;
    const riskShare = Math.max(0, budget - this.randomRate(c)) / budget;
    return { red: w.quantile(1 - c.red * riskShare), yellow: w.quantile(1 - budget * riskShare) };
  }

  route(x: LaneInput): LaneDecision {
    const key = capacityKey(x.office, x.domain);
    const thresholds = this.thresholds(x.office, x.domain);
    let window = this.windows.get(key);
    if (!window) this.windows.set(key, (window = new SlidingQuantile(this.policy.windowSize)));
    window.push(x.score);

    if (x.hardRule || x.watchListed) {
      return { lane: 'RED', cause: 'RULE', reasons: [reason(x.hardRule ? 'HARD_RULE' : 'WATCH_LIST')], thresholds };
    }
    const c = this.capacityOf(x.office, x.domain);
    if (this.random() < this.randomRate(c)) {
      const lane: Lane = this.random() < c.red / (c.red + c.yellow) ? 'RED' : 'YELLOW';
      return { lane, cause: 'RANDOM', reasons: [reason('RANDOM_CONTROL')], thresholds };
    }
    const byScore: Lane = x.score >= thresholds.red ? 'RED' : x.score >= thresholds.yellow ? 'YELLOW' : 'GREEN';
    const p = this.policy.protection;
    const protectedTrader =
      p.enabled &&
      x.trader.cleanInspections >= p.minCleanInspections &&
      (x.trader.daysSinceLastNonCompliance === null || x.trader.daysSinceLastNonCompliance > p.cleanWindowDays);
    if (protectedTrader && byScore !== 'GREEN') {
      return { lane: byScore === 'RED' ? 'YELLOW' : 'GREEN', cause: 'RISK', reasons: [reason('TRUSTED_TRADER')], thresholds };
    }
    return { lane: byScore, cause: 'RISK', reasons: [], thresholds };
  }
}
