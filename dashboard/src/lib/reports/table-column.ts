/** One column of a report table: its header, its text per row, and optionally a 0–1 share drawn as a bar beside the number. */
export interface Column<R> {
  readonly id: string;
  readonly label: string;
  readonly value: (row: R) => string;
  readonly numeric?: boolean;
  readonly bar?: (row: R) => number | null;
  /** A mark on the bar (e.g. the planned capacity), 0–1. */
  readonly target?: (row: R) => number | null;
  /** The table's `cell` snippet renders this column (links, badges) instead of the text. */
  readonly custom?: boolean;
}
