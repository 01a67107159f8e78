import type { AuditActor, ModelPointers } from '@tareks/schemas';
import type { AuditLog } from '../audit/audit.log.js';
import { ModelRegistryError, MODEL_REGISTRY_ERROR_CODES as E } from './model.errors.js';
import type { ModelRegistry } from './model.registry.js';

/** Promotion and rollback of the champion; each attempt is audited with its result, refused ones included. */
export class ModelAdmin {
  constructor(
    private readonly registry: ModelRegistry,
    private readonly audit: AuditLog,
  ) {}

  /** Makes `version` the champion; the old champion becomes the rollback target; a shadow of the same version is cleared. */
  async promote(version: string, actor: AuditActor, reason?: string): Promise<ModelPointers> {
    return this.audited('model.promote', version, actor, reason, async () => {
      if (!(await this.registry.info(version))) throw new ModelRegistryError(E.notFound, `model ${version} not found`);
      return this.registry.updatePointers((p) => ({
        active: version,
        previous: p.active === version ? p.previous : p.active,
        shadow: p.shadow === version ? null : p.shadow,
      }));
    });
  }

  /** Returns to the champion before the last promotion; the demoted one stays available as the shadow. */
  async rollback(actor: AuditActor, reason?: string): Promise<ModelPointers> {
    const target = (await this.registry.pointers()).previous ?? 'none';
    return this.audited('model.rollback', target, actor, reason, () =>
      this.registry.updatePointers((p) => {
        if (!p.previous) throw new ModelRegistryError(E.noPrevious, 'no earlier champion to roll back to');
        return { active: p.previous, previous: null, shadow: p.active };
      }),
    );
  }

  private async audited(
    action: 'model.promote' | 'model.rollback',
    target: string,
    actor: AuditActor,
    reason: string | undefined,
    run: () => Promise<ModelPointers>,
  ): Promise<ModelPointers> {
    const before = await this.registry.pointers();
    try {
      const after = await run();
      await this.audit.record({ actor, action, target, result: 'OK', details: { before, after, ...(reason ? { reason } : {}) } });
      return after;
    } catch (err) {
      const code = err instanceof ModelRegistryError ? err.code : 'HUB_ERR_INTERNAL';
      await this.audit.record({ actor, action, target, result: code, details: { before, ...(reason ? { reason } : {}) } });
      throw err;
    }
  }
}
