import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { FEATURE_COUNT, FEATURE_NAMES, generateDataset, prepareData, WeeklyFeatures, type GbdtParams } from '@tareks/scoring';
import type { ModelInfo } from '@tareks/schemas';
import type { ModelRegistry } from './model.registry.js';
import { trainAndMeasure } from './model.training.js';

export interface BootstrapOptions {
  /** Seed of the generated world; default 1. */
  readonly seed?: number;
  /** Weeks of generated trade; default 8 (≈ 9,000 items). */
  readonly weeks?: number;
  /** Share of items the lanes may inspect, for the metrics; default 0.10. */
  readonly capacityShare?: number;
  readonly params?: Partial<GbdtParams>;
}

/**
 * Demo only: when no model version exists, trains a first one on a generated world (the `npm run world` data, every
 * week's labels revealed after the week, features as the offline evaluation builds them) and makes it the champion.
 * Returns null when a version already exists.
 */
export async function bootstrapDemoModel(registry: ModelRegistry, logger: Logger, o: BootstrapOptions = {}): Promise<ModelInfo | null> {
  if ((await registry.pointers()).active || (await registry.list()).length > 0) return null;
  const started = performance.now();
  const data = prepareData([...generateDataset({ seed: o.seed ?? 1, weeks: o.weeks ?? 8, withDocuments: true, driftWeek: null })]);
  const features = new WeeklyFeatures(data.rows, data.day, data.week);
  data.weeks.forEach((rows, t) => {
    features.buildWeek(t, rows);
    features.reveal(rows, rows.map((i) => data.labels[i] === 1));
  });
  const { model, metrics } = trainAndMeasure({ X: features.matrix, y: data.labels, featureNames: FEATURE_NAMES }, o.capacityShare ?? 0.1, o.params);
  const last = data.rows[data.rows.length - 1]!.date;
  const info = await registry.save(model, {
    source: 'bootstrap',
    trainingWindow: { from: `${data.firstDate}T00:00:00.000Z`, to: `${last}T23:59:59.999Z`, rows: data.labels.length },
    metrics,
  });
  await registry.updatePointers((p) => ({ ...p, active: p.active ?? info.version }));
  logger.info({ version: info.version, rows: data.labels.length, features: FEATURE_COUNT, metrics, ms: Math.round(performance.now() - started) }, 'demo model bootstrapped');
  return info;
}
