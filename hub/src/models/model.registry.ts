import { createHash } from 'node:crypto';
import type { NatsConnection } from '@nats-io/nats-core';
import { Kvm, type KV } from '@nats-io/kv';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { exportOnnx, type GbdtModel } from '@tareks/scoring';
import type { ModelInfo, ModelPointers, Names } from '@tareks/schemas';
import { ModelRegistryError, MODEL_REGISTRY_ERROR_CODES as E } from './model.errors.js';
import { isKvConflict } from '../infra/kv-conflict.js';

/** Key of the active/shadow pointers in the settings bucket. */
export const POINTERS_KEY = 'models.pointers';
const NO_POINTERS: ModelPointers = { active: null, shadow: null, previous: null, changedAt: new Date(0).toISOString() };
const CAS_ATTEMPTS = 10;

export interface ModelArtefact {
  readonly info: ModelInfo;
  readonly onnx: Uint8Array;
  readonly gbdt: GbdtModel;
}

const onnxName = (v: string): string => `${v}.onnx`;
const treesName = (v: string): string => `${v}.trees.json`;
const infoName = (v: string): string => `${v}.info.json`;
const json = (x: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(x));
const parse = <T>(b: Uint8Array): T => JSON.parse(new TextDecoder().decode(b)) as T;

/** `m-<UTC yyyymmddhhmmss>-<first 6 hex of the ONNX sha256>`. */
export function modelVersionOf(onnx: Uint8Array, at: Date): string {
  const stamp = at.toISOString().replace(/[-:TZ]/g, '').slice(0, 14);
  return `m-${stamp}-${createHash('sha256').update(onnx).digest('hex').slice(0, 6)}`;
}

/**
 * Model versions in the NATS object store (ONNX file, tree ensemble for explanations, info with metrics and training
 * window) and the active/shadow pointers in the settings KV, changed by compare-and-set.
 */
export class ModelRegistry {
  private constructor(
    readonly store: ObjectStore,
    readonly settings: KV,
  ) {}

  static async open(nc: NatsConnection, names: Names): Promise<ModelRegistry> {
    const store = await new Objm(nc).create(names.objectStore.models);
    const settings = await new Kvm(nc).create(names.kv.settings, { history: 10 });
    return new ModelRegistry(store, settings);
  }

  /** Exports the ensemble to ONNX and stores the three objects; returns the new version's info. */
  async save(gbdt: GbdtModel, meta: Pick<ModelInfo, 'source' | 'trainingWindow' | 'metrics'>, at = new Date()): Promise<ModelInfo> {
    const probe = exportOnnx(gbdt);
    const version = modelVersionOf(probe, at);
    const onnx = exportOnnx(gbdt, version);
    const info: ModelInfo = { version, createdAt: at.toISOString(), featureNames: [...gbdt.featureNames], ...meta };
    await this.store.putBlob({ name: onnxName(version), description: `TAREKS risk model ${version}` }, onnx);
    await this.store.putBlob({ name: treesName(version) }, json(gbdt));
    // Written last: a version is listed only once all of its parts are stored.
    await this.store.putBlob({ name: infoName(version) }, json(info));
    return info;
  }

  async info(version: string): Promise<ModelInfo | null> {
    const b = await this.store.getBlob(infoName(version));
    return b ? parse<ModelInfo>(b) : null;
  }

  async load(version: string): Promise<ModelArtefact> {
    const [info, onnx, trees] = await Promise.all([this.info(version), this.store.getBlob(onnxName(version)), this.store.getBlob(treesName(version))]);
    if (!info) throw new ModelRegistryError(E.notFound, `model ${version} not found`);
    if (!onnx || !trees) throw new ModelRegistryError(E.corrupt, `model ${version} is missing its ONNX file or trees`);
    return { info, onnx, gbdt: parse<GbdtModel>(trees) };
  }

  /** Every stored version, newest first. */
  async list(): Promise<ModelInfo[]> {
    const entries = await this.store.list();
    const infos = await Promise.all(entries.filter((e) => e.name.endsWith('.info.json')).map((e) => this.info(e.name.slice(0, -'.info.json'.length))));
    return infos.filter((i): i is ModelInfo => i !== null).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async pointers(): Promise<ModelPointers> {
    return (await this.readPointers()).pointers;
  }

  /** Applies `change` to the pointers with compare-and-set, re-reading on a concurrent change. */
  async updatePointers(change: (p: ModelPointers) => Omit<ModelPointers, 'changedAt'>): Promise<ModelPointers> {
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const { pointers, revision } = await this.readPointers();
      const next: ModelPointers = { ...change(pointers), changedAt: new Date().toISOString() };
      try {
        if (revision) await this.settings.update(POINTERS_KEY, JSON.stringify(next), revision);
        else await this.settings.create(POINTERS_KEY, JSON.stringify(next));
        return next;
      } catch (err) {
        // another admin or the trainer changed them first: read again
        if (!isKvConflict(err)) throw err;
      }
    }
    throw new ModelRegistryError(E.conflict, 'model pointers kept changing; try again', true);
  }

  private async readPointers(): Promise<{ pointers: ModelPointers; revision: number }> {
    const e = await this.settings.get(POINTERS_KEY);
    return e && e.operation === 'PUT' ? { pointers: e.json<ModelPointers>(), revision: e.revision } : { pointers: NO_POINTERS, revision: 0 };
  }
}
