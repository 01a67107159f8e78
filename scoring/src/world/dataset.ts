import type { Declaration } from '@tareks/schemas';
import type { ItemRow } from '../features/item-row.js';
import { unlabelledRowsOf } from '../features/live-features.js';
import { USD_PER_UNIT } from './catalogue.js';
import { Rng } from './rng.js';
import { createWorld, type World, type WorldOptions } from './world.js';

export interface DatasetOptions extends Omit<WorldOptions, 'driftAt' | 'horizonDays'> {
  /** Number of weeks to generate; default 52. */
  readonly weeks?: number;
  /** Mean items per week; default 1,150 (≈ 60,000 items a year). */
  readonly itemsPerWeek?: number;
  /** Week (0-based) from which the concept drift applies; default the middle week, null for none. */
  readonly driftWeek?: number | null;
}

const DAY_MS = 86_400_000;
/** Relative traffic Monday..Sunday. */
const WEEKDAY_LOAD = [1.15, 1.2, 1.2, 1.15, 1.1, 0.15, 0.05];
/** Mean items per declaration of the world (measured), to turn an item target into declarations. */
const ITEMS_PER_DECLARATION = 2.45;

/** The item rows of one declaration, the way the evaluation file carries them (values in USD to the cent). */
export function declarationToRows(d: Declaration, truth: ReadonlyMap<number, boolean>): ItemRow[] {
  return unlabelledRowsOf(d, USD_PER_UNIT).map((row) => ({
    ...row,
    valueUsd: Math.round(row.valueUsd * 100) / 100,
    nonCompliant: truth.get(row.itemNo) ?? false,
  }));
}

/** Declarations of the world day by day (working hours, weekday load), drift in the middle. */
export function* generateDeclarations(o: DatasetOptions): Generator<ReturnType<World['nextDeclaration']>> {
  const weeks = o.weeks ?? 52;
  const start = o.start ?? new Date('2025-01-06T00:00:00Z');
  const driftWeek = o.driftWeek === undefined ? Math.floor(weeks / 2) : o.driftWeek;
  const world = createWorld({
    ...o,
    start,
    horizonDays: weeks * 7,
    ...(driftWeek === null ? {} : { driftAt: new Date(start.getTime() + driftWeek * 7 * DAY_MS) }),
  });
  const rng = new Rng(o.seed ^ 0x5eed);
  const perDay = (o.itemsPerWeek ?? 1150) / ITEMS_PER_DECLARATION / WEEKDAY_LOAD.reduce((a, b) => a + b, 0);
  for (let day = 0; day < weeks * 7; day++) {
    const dayStart = start.getTime() + day * DAY_MS;
    const count = rng.poisson(perDay * WEEKDAY_LOAD[day % 7]!);
    const times = Array.from({ length: count }, () => dayStart + rng.int(7 * 3600, 19 * 3600) * 1000).sort((a, b) => a - b);
    for (const t of times) yield world.nextDeclaration(new Date(t), rng);
  }
}

/** Item rows of a synthetic year (or `weeks`), in date order. */
export function* generateDataset(o: DatasetOptions): Generator<ItemRow> {
  for (const { declaration, truth } of generateDeclarations(o)) yield* declarationToRows(declaration, truth);
}
