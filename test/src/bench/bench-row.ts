/** One figure printed by `npm run bench`, with the baseline it is compared against in the same run. */
export interface BenchRow {
  readonly group: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: { readonly name: string; readonly value: number };
  readonly notes?: string;
}
