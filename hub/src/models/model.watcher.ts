import type { Logger } from 'pino';
import { loadServedModel, type ModelSlot, type ServedModel } from '@tareks/scoring';
import type { ModelPointers } from '@tareks/schemas';
import { POINTERS_KEY, type ModelRegistry } from './model.registry.js';

export interface ModelWatcher {
  /** Resolves once the pointers present at start are loaded (or found empty). */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps a score worker's model slot on the active/shadow pointers: watches the KV key, loads a version the first time
 * it is named and swaps it in. A version that fails to load leaves the slot as it was (the rules or the old model
 * keep deciding) and is logged.
 */
export async function startModelWatcher(registry: ModelRegistry, slot: ModelSlot, logger: Logger): Promise<ModelWatcher> {
  const loaded = new Map<string, ServedModel>();
  const served = async (version: string | null): Promise<ServedModel | null> => {
    if (!version) return null;
    const hit = loaded.get(version);
    if (hit) return hit;
    const a = await registry.load(version);
    const m = await loadServedModel(version, a.onnx, a.gbdt);
    loaded.set(version, m);
    return m;
  };
  const apply = async (p: ModelPointers): Promise<void> => {
    try {
      const next = { champion: await served(p.active), shadow: await served(p.shadow) };
      slot.swap(next);
      for (const v of [...loaded.keys()]) if (v !== p.active && v !== p.shadow) loaded.delete(v);
      logger.info({ active: p.active, shadow: p.shadow }, 'score worker models swapped');
    } catch (err) {
      logger.error({ err, active: p.active, shadow: p.shadow }, 'model load failed: keeping the current models');
    }
  };

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const initial = await registry.settings.get(POINTERS_KEY);
  if (!initial || initial.operation !== 'PUT') markReady();
  const watch = await registry.settings.watch({ key: POINTERS_KEY });
  const done = (async () => {
    for await (const e of watch) {
      if (e.operation === 'PUT') await apply(e.json<ModelPointers>());
      markReady();
    }
  })();
  return {
    ready,
    async stop() {
      watch.stop();
      await done;
      await slot.close();
    },
  };
}
