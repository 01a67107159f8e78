/**
 * A selection strategy under the protocol. It sees a week's rows by index (the rows themselves are
 * handed over unlabelled at construction) and learns labels only through `reveal`.
 */
export interface Strategy {
  readonly name: string;
  /** Called for every week in order. Returns one score per index for test weeks, null in warm-up. */
  scoreWeek(t: number, indices: readonly number[], warmup: boolean): Promise<Float64Array | null>;
  /** Labels revealed after week `t`'s selection (all rows in warm-up weeks). */
  reveal(t: number, indices: readonly number[], labels: readonly boolean[]): void;
}
