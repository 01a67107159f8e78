import type { NatsConnection } from '@nats-io/nats-core';
import { Kvm, type KV } from '@nats-io/kv';
import type { Names, ReceivedDeclaration } from '@tareks/schemas';

/** Kept as long as the declarations stream keeps them (its max_age). */
const MAX_AGE_MS = 90 * 24 * 3600 * 1000;

/**
 * Every accepted declaration version by `<id>.<version>` in the KV bucket `<ns>_received`, so one can be read by id
 * (the declarations stream has a single subject and no index by id). Written by ingest next to its other writes;
 * a replayed version with an edited payload replaces its entry.
 */
export class DeclarationArchive {
  private constructor(private readonly kv: KV) {}

  static async open(nc: NatsConnection, names: Names): Promise<DeclarationArchive> {
    return new DeclarationArchive(await new Kvm(nc).create(names.kv.received, { history: 1, ttl: MAX_AGE_MS }));
  }

  async put(received: ReceivedDeclaration): Promise<void> {
    await this.kv.put(`${received.declaration.id}.${received.declaration.version}`, JSON.stringify(received));
  }

  async get(id: string, version: number): Promise<ReceivedDeclaration | null> {
    const e = await this.kv.get(`${id}.${version}`);
    return e && e.operation === 'PUT' ? e.json<ReceivedDeclaration>() : null;
  }
}
