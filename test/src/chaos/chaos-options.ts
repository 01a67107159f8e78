/** Settings of a chaos run; each can be given as an environment variable (`CHAOS_<NAME>`). */
export interface ChaosOptions {
  /** Declarations lodged in total across all clients (`CHAOS_DECLARATIONS`). */
  readonly declarations: number;
  /** Offered declarations per second across all clients, at most (`CHAOS_RATE`). */
  readonly ratePerSecond: number;
  /** Least time between two faults, s: a small run is slowed down so each fault still has room (`CHAOS_FAULT_SPACING_S`). */
  readonly faultSpacingSec: number;
  /** How long the registry simulator stays in full outage, s (`CHAOS_OUTAGE_S`). */
  readonly outageSec: number;
  /** Which simulator goes into outage: kps, mersis or esbis (`CHAOS_OUTAGE_REGISTRY`). */
  readonly outageRegistry: 'kps' | 'mersis' | 'esbis';
  /** Pause between killing a role process and starting it again, ms (`CHAOS_RESTART_DELAY_MS`). */
  readonly restartDelayMs: number;
  /** Poison messages per wave (three waves; `CHAOS_POISON_PER_WAVE`). */
  readonly poisonPerWave: number;
  /** Longest wait, after the load, for every accepted declaration's callback, s (`CHAOS_SETTLE_S`). */
  readonly settleSec: number;
  /** Also FLUSHALL the Redis once: the reconciliation pass must recover what it lost (`CHAOS_FLUSH_REDIS=1`). */
  readonly flushRedis: boolean;
}

export const CHAOS_DEFAULTS: ChaosOptions = {
  declarations: 1_500,
  ratePerSecond: 150,
  faultSpacingSec: 8,
  outageSec: 10,
  outageRegistry: 'kps',
  restartDelayMs: 1_000,
  poisonPerWave: 3,
  settleSec: 240,
  flushRedis: false,
};

const num = (v: string | undefined, def: number): number => {
  if (v === undefined || v === '') return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`expected a non-negative number, got ${v}`);
  return n;
};

/** The options from `CHAOS_*` environment variables, over `defaults`. */
export function chaosOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, defaults: ChaosOptions = CHAOS_DEFAULTS): ChaosOptions {
  const registry = env.CHAOS_OUTAGE_REGISTRY ?? defaults.outageRegistry;
  if (registry !== 'kps' && registry !== 'mersis' && registry !== 'esbis') throw new RangeError(`CHAOS_OUTAGE_REGISTRY must be kps, mersis or esbis, got ${registry}`);
  return {
    declarations: num(env.CHAOS_DECLARATIONS, defaults.declarations),
    ratePerSecond: Math.max(1, num(env.CHAOS_RATE, defaults.ratePerSecond)),
    faultSpacingSec: num(env.CHAOS_FAULT_SPACING_S, defaults.faultSpacingSec),
    outageSec: num(env.CHAOS_OUTAGE_S, defaults.outageSec),
    outageRegistry: registry,
    restartDelayMs: num(env.CHAOS_RESTART_DELAY_MS, defaults.restartDelayMs),
    poisonPerWave: num(env.CHAOS_POISON_PER_WAVE, defaults.poisonPerWave),
    settleSec: num(env.CHAOS_SETTLE_S, defaults.settleSec),
    flushRedis: env.CHAOS_FLUSH_REDIS === undefined ? defaults.flushRedis : env.CHAOS_FLUSH_REDIS === '1' || env.CHAOS_FLUSH_REDIS === 'true',
  };
}
