import type { HostileCase } from './hostile-case.js';
import { identifierMutations } from './identifier.mutations.js';
import { documentMutations, limitMutations } from './limit.mutations.js';
import type { Mutation } from './mutation.js';
import { restEdgeCases, restMutationCase } from './rest.corpus.js';
import { enumsWrong, requiredRemoved, unknownFields, wrongJsonTypes } from './schema.mutations.js';
import { soapEdgeCases, soapMutationCase } from './soap.corpus.js';

export interface CorpusLimits {
  /** REST body limit of the hub under test, in bytes. */
  readonly restBodyBytes: number;
  /** SOAP body limit of the hub under test, in bytes. */
  readonly soapBodyBytes: number;
}

/** Every declaration defect, in both protocols where XML can carry it. */
export function declarationMutations(): Mutation[] {
  return [...requiredRemoved(), ...unknownFields(), ...enumsWrong(), ...wrongJsonTypes(), ...identifierMutations(), ...limitMutations(), ...documentMutations()];
}

/** The whole hostile corpus: declaration defects over REST and SOAP, then each protocol's own attacks. */
export function hostileCorpus(limits: CorpusLimits): HostileCase[] {
  const mutations = declarationMutations();
  return [
    ...mutations.map(restMutationCase),
    ...mutations.filter((m) => m.xml).map(soapMutationCase),
    ...restEdgeCases(limits.restBodyBytes),
    ...soapEdgeCases(limits.soapBodyBytes),
  ];
}
