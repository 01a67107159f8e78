import type { Domain } from '@tareks/schemas';

/** Expected shares of items per lane (what ASYCUDA World calls expected rates). */
export interface LaneCapacity {
  /** Share of items sent to physical inspection / lab test, e.g. 0.03. */
  readonly red: number;
  /** Share of items sent to a documentary check, e.g. 0.07. */
  readonly yellow: number;
}

export interface LanePolicy {
  /** Capacity when no office × domain entry is set; default RED 3 %, YELLOW 7 %. */
  readonly capacity: LaneCapacity;
  /** Per `office:domain` (e.g. `341300:PRODUCT_SAFETY`). */
  readonly capacityByKey: Readonly<Record<string, LaneCapacity>>;
  /** Scores kept per office × domain to place the thresholds; default 2,000. */
  readonly windowSize: number;
  /** Below this many scores in the window the fixed thresholds apply; default 200. */
  readonly minWindow: number;
  /** Thresholds used until the window has filled. */
  readonly coldThresholds: { readonly yellow: number; readonly red: number };
  /** Minimum share of items inspected at random (cause RANDOM); default 0.01. */
  readonly minRandomRate: number;
  /** Share of the inspection budget given to random selection; default 0.1. */
  readonly exploreShare: number;
  /** Trader protection: clean inspections needed, and the lane cap it earns; default 20, one lane lower. */
  readonly protection: { readonly enabled: boolean; readonly minCleanInspections: number; readonly cleanWindowDays: number };
}

export const DEFAULT_LANE_POLICY: LanePolicy = {
  capacity: { red: 0.03, yellow: 0.07 },
  capacityByKey: {},
  windowSize: 2000,
  minWindow: 200,
  coldThresholds: { yellow: 0.3, red: 0.6 },
  minRandomRate: 0.01,
  exploreShare: 0.1,
  protection: { enabled: true, minCleanInspections: 20, cleanWindowDays: 365 },
};

export const capacityKey = (office: string, domain: Domain): string => `${office}:${domain}`;
