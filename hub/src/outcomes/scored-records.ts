import type { JetStreamManager } from '@nats-io/jetstream';
import type { Names, ScoredDeclaration } from '@tareks/schemas';

/** The scored record of a declaration version (last on its subject), or null when none was published. */
export async function scoredRecordOf(jsm: JetStreamManager, names: Names, id: string, version: number): Promise<ScoredDeclaration | null> {
  const m = await jsm.streams.getMessage(names.streams.scores, { last_by_subj: names.subjects.scored(id, version) }).catch(() => null);
  return m ? m.json<ScoredDeclaration>() : null;
}
