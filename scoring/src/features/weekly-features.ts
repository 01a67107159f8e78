import { FEATURE_COUNT } from './feature-names.js';
import { historyKeys } from './history-keys.js';
import { ItemContext } from './item-context.js';
import type { ItemRow } from './item-row.js';
import { LabelHistory, type LabelHistoryOptions } from './label-history.js';

export type UnlabelledRow = Omit<ItemRow, 'nonCompliant'>;

/**
 * Features of a time-ordered file, built week by week: a week's rows are described with the labels
 * revealed before that week and the unlabelled columns up to the row itself. A row's vector never
 * changes afterwards, so a training row carries the features it had when it was scored.
 */
export class WeeklyFeatures {
  /** Row-major, `rows.length × FEATURE_COUNT`; rows of weeks not built yet are zero. */
  readonly matrix: Float32Array;
  private readonly keys: (readonly string[])[];
  private readonly history: LabelHistory;
  private readonly context = new ItemContext();
  private builtWeeks = 0;

  constructor(
    private readonly rows: readonly UnlabelledRow[],
    private readonly day: Int32Array,
    private readonly week: Int32Array,
    options: LabelHistoryOptions = {},
  ) {
    this.matrix = new Float32Array(rows.length * FEATURE_COUNT);
    this.keys = rows.map(historyKeys);
    this.history = new LabelHistory(options);
  }

  /** Builds the features of week `t`'s rows (indices in file order). Weeks must come in order. */
  buildWeek(t: number, indices: readonly number[]): void {
    if (t !== this.builtWeeks) throw new RangeError(`week ${t} built out of order (next is ${this.builtWeeks})`);
    for (const i of indices) {
      const r = this.rows[i]!;
      this.context.observe(r, this.day[i]!);
      const offset = this.history.write(this.keys[i]!, t, this.matrix, i * FEATURE_COUNT);
      this.context.write(r, this.day[i]!, this.matrix, offset);
    }
    this.builtWeeks++;
  }

  /** Adds revealed outcomes; they shape the features of later weeks only. */
  reveal(indices: readonly number[], labels: readonly boolean[]): void {
    indices.forEach((i, k) => this.history.add(this.keys[i]!, labels[k]!, this.week[i]!));
  }

  /** Copies the vectors of `indices` into a dense matrix. */
  gather(indices: readonly number[]): Float32Array {
    const out = new Float32Array(indices.length * FEATURE_COUNT);
    indices.forEach((i, k) => out.set(this.matrix.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT), k * FEATURE_COUNT));
    return out;
  }
}
