import type { JetStreamManager } from '@nats-io/jetstream';
import type { Names, ReceivedDeclaration } from '@tareks/schemas';
import type { DeclarationStateStore } from '../state/declaration-state.store.js';

/**
 * Reads an accepted declaration by id for the inspector screen: the declarations stream is the only copy, and the
 * state of record knows the sequence of its current version (a replay with an edited payload moves it to the new
 * message). Older versions are not served: the inspector works on the version of record.
 */
export class DeclarationArchive {
  constructor(
    private readonly jsm: JetStreamManager,
    private readonly names: Names,
    private readonly states: Pick<DeclarationStateStore, 'read'>,
  ) {}

  async get(id: string, version: number): Promise<ReceivedDeclaration | null> {
    const { state } = await this.states.read(id);
    if (!state?.intake || state.version !== version) return null;
    const msg = await this.jsm.streams.getMessage(this.names.streams.declarations, { seq: state.intake.seq });
    return msg ? msg.json<ReceivedDeclaration>() : null;
  }
}
