/** A trader's record as known before the item being scored (derived from decisions and inspection outcomes). */
export interface TraderStats {
  readonly declarations: number;
  readonly inspections: number;
  readonly nonCompliant: number;
}

export const NO_HISTORY: TraderStats = { declarations: 0, inspections: 0, nonCompliant: 0 };

export interface TraderHistoryReader {
  get(taxId: string): Promise<TraderStats>;
}

/** Read access plus the one write the score worker makes: this trader declared once more. */
export interface TraderHistory extends TraderHistoryReader {
  seen(taxId: string): void;
}
