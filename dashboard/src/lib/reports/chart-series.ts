/** One line of a day chart. */
export interface DaySeries {
  readonly label: string;
  /** One value per day; null leaves a gap. */
  readonly values: readonly (number | null)[];
  /** A CSS colour or a custom property name (`--green-bg`). */
  readonly color: string;
}
