import type { RiskMapReport } from '@tareks/schemas';

/** What the map colours by: the model's mean score, or the share found non-compliant among inspected items. */
export type RiskMetric = 'risk' | 'nonCompliance';

type Figures = Pick<RiskMapReport['cells'][number], 'items' | 'meanScore' | 'inspected' | 'nonCompliant' | 'nonComplianceRate'>;

/** The 0–1 value to colour by; null when nothing was inspected (non-compliance is then unknown, not zero). */
export const metricValue = (f: Figures, metric: RiskMetric): number | null => (metric === 'risk' ? f.meanScore : f.nonComplianceRate);

/** Which items a click through lists: one heatmap cell, or one country. */
export interface RiskSelection {
  readonly origin: string;
  readonly chapter?: string;
}

/** A country on the world map. */
export interface CountryFigure {
  /** 0–1 for the colour; null: items but no value for this measure (drawn hatched). */
  readonly value: number | null;
  /** Name and figures, read out and shown as the tooltip. */
  readonly label: string;
}
