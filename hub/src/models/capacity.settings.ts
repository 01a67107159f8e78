import type { KV } from '@nats-io/kv';
import type { Logger } from 'pino';
import { DEFAULT_LANE_POLICY, type CapacityRouter } from '@tareks/scoring';
import type { AuditActor, CapacitySettings, CapacityUpdate } from '@tareks/schemas';
import type { AuditLog } from '../audit/audit.log.js';

/** Key of the lane capacities in the settings bucket. */
export const CAPACITY_KEY = 'lanes.capacity';

const DEFAULTS: CapacitySettings = { default: DEFAULT_LANE_POLICY.capacity, byKey: {}, updatedAt: new Date(0).toISOString() };

/** Lane capacities per office × domain in the settings KV; every change is audited as `capacity.change`. */
export class CapacitySettingsStore {
  constructor(
    private readonly settings: KV,
    private readonly audit: AuditLog,
  ) {}

  async get(): Promise<CapacitySettings> {
    const e = await this.settings.get(CAPACITY_KEY);
    return e && e.operation === 'PUT' ? e.json<CapacitySettings>() : DEFAULTS;
  }

  async set(update: CapacityUpdate, actor: AuditActor): Promise<CapacitySettings> {
    const before = await this.get();
    const next: CapacitySettings = { default: update.default, byKey: update.byKey, updatedAt: new Date().toISOString() };
    await this.settings.put(CAPACITY_KEY, JSON.stringify(next));
    await this.audit.record({ actor, action: 'capacity.change', target: CAPACITY_KEY, result: 'OK', details: { before, after: next, ...(update.reason ? { reason: update.reason } : {}) } });
    return next;
  }
}

/** Keeps a score worker's router on the stored capacities; returns a stop function. */
export async function followCapacities(settings: KV, router: CapacityRouter, logger: Logger): Promise<() => Promise<void>> {
  const watch = await settings.watch({ key: CAPACITY_KEY });
  const done = (async () => {
    for await (const e of watch) {
      if (e.operation !== 'PUT') continue;
      const c = e.json<CapacitySettings>();
      router.setCapacities(c);
      logger.info({ capacity: c.default, offices: Object.keys(c.byKey).length }, 'lane capacities applied');
    }
  })();
  return async () => {
    watch.stop();
    await done;
  };
}
