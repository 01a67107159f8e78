import { versionKey, type DeadLetterSummary, type Decision, type DecisionNotification } from '@tareks/schemas';
import type { CustomsClient, Submission } from './load-driver.js';
import { POISON_CODE, POISON_STAGE, type Poison } from './poison.js';

/** The run's outcome as counts; `violations` lists every broken guarantee (empty when the hub kept its promises). */
export interface ChaosCounts {
  readonly sent: number;
  readonly accepted: number;
  readonly acceptedRest: number;
  readonly acceptedSoap: number;
  /** Never got a receipt (gave up after retries, or refused). */
  readonly notAccepted: number;
  /** Accepted and decided exactly once. */
  readonly decided: number;
  /** Accepted, no decision of record. */
  readonly lost: number;
  /** Extra decisions of record for one declaration version. */
  readonly duplicates: number;
  /** Accepted and decided, but no callback reached its customs system. */
  readonly undelivered: number;
  /** Callbacks whose decision differs from the decision of record. */
  readonly mismatched: number;
  /** Repeated deliveries the receivers dropped by delivery id (at-least-once at work, not an error). */
  readonly callbackRedeliveries: number;
  readonly badSignatures: number;
  /** Decisions for declarations whose customs system never saw a receipt (decided after a lost response). */
  readonly decidedWithoutReceipt: number;
  readonly poisonInjected: number;
  readonly poisonDeadLettered: number;
  readonly poisonWrongStageOrCode: number;
  /** Extra dead letters of one poison message: redelivered after it was dead-lettered but before its `term` took. */
  readonly poisonDeadLetteredAgain: number;
  /** Every dead letter by `stage:code`. */
  readonly deadLetters: Record<string, number>;
  /** Dead letters holding no injected poison (a declaration or callback the hub gave up on), by `stage:code`. */
  readonly otherDeadLetters: Record<string, number>;
  /** Why declarations were not accepted (last error of the last attempt). */
  readonly notAcceptedReasons: Record<string, number>;
  readonly repairable: number;
  readonly replayed: number;
  readonly replayDecided: number;
  readonly replayAudited: number;
  readonly violations: string[];
}

export interface VerifyInput {
  readonly submissions: readonly Submission[];
  readonly clients: readonly CustomsClient[];
  readonly decisions: Map<string, Decision[]>;
  readonly poisons: readonly Poison[];
  readonly deadLetters: readonly DeadLetterSummary[];
  /** Targets (dead-letter ids) of `deadletter.replay` audit records. */
  readonly auditedReplays: ReadonlySet<string>;
  /** Dead letters that hold no injected poison message. */
  readonly otherDeadLetters: readonly DeadLetterSummary[];
}

/** Notifications accepted by each client's receiver, by `id:version` (receivers already dropped repeated delivery ids). */
function notificationsByClient(clients: readonly CustomsClient[]): Map<string, Map<string, DecisionNotification>> {
  return new Map(clients.map((c) => [c.clientId, new Map(c.receiver.accepted.map((n) => [versionKey(n.declarationId, n.version), n]))]));
}

function countBy<T>(list: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of list) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
}

const sameDecision = (a: Decision, b: Decision): boolean =>
  a.lane === b.lane && a.modelVersion === b.modelVersion && a.items.length === b.items.length && a.items.every((i, k) => i.lane === b.items[k]!.lane);

/** Checks the guarantees of issue 7 against what the clients saw and what the streams hold. */
export function verify(v: VerifyInput): ChaosCounts {
  const notes = notificationsByClient(v.clients);
  const accepted = v.submissions.filter((s) => s.acceptedAt !== undefined);
  let decided = 0;
  let lost = 0;
  let undelivered = 0;
  let mismatched = 0;
  for (const s of accepted) {
    const key = versionKey(s.id, s.version);
    const record = v.decisions.get(key) ?? [];
    if (record.length === 0) {
      lost++;
      continue;
    }
    if (record.length === 1) decided++;
    const n = notes.get(s.clientId)?.get(key);
    if (!n) undelivered++;
    else if (!sameDecision(n.decision, record[0]!)) mismatched++;
  }
  let duplicates = 0;
  for (const list of v.decisions.values()) duplicates += Math.max(0, list.length - 1);
  const decidedWithoutReceipt = v.submissions.filter((s) => s.acceptedAt === undefined && v.decisions.has(versionKey(s.id, s.version))).length;

  const poisonDeadLettered = v.poisons.filter((p) => p.letters.length).length;
  const poisonWrongStageOrCode = v.poisons.filter((p) => p.letters.some((l) => l.stage !== POISON_STAGE || l.code !== POISON_CODE)).length;
  const poisonDeadLetteredAgain = v.poisons.reduce((sum, p) => sum + Math.max(0, p.letters.length - 1), 0);
  const notAcceptedReasons = countBy(v.submissions.filter((s) => s.acceptedAt === undefined), (s) => (s.lastError ?? 'unknown').slice(0, 80));
  const repairable = v.poisons.filter((p) => p.repair);
  const replayed = repairable.filter((p) => p.replay?.replay?.result === 'ACCEPTED');
  const replayDecided = replayed.filter((p) => {
    const key = versionKey(p.repair!.id, p.repair!.version);
    return v.decisions.get(key)?.length === 1 && notes.get(p.clientId!)?.has(key);
  }).length;
  const replayAudited = replayed.filter((p) => v.auditedReplays.has(p.letters[0]!.id)).length;

  const callbackRedeliveries = v.clients.reduce((sum, c) => sum + c.receiver.duplicates, 0);
  const badSignatures = v.clients.reduce((sum, c) => sum + c.receiver.badSignatures, 0);
  const violations: string[] = [];
  const expect = (ok: boolean, what: string): void => {
    if (!ok) violations.push(what);
  };
  expect(accepted.length > 0, 'no declaration was accepted');
  expect(lost === 0, `${lost} accepted declarations have no decision`);
  expect(duplicates === 0, `${duplicates} duplicate decisions in the decisions stream`);
  expect(undelivered === 0, `${undelivered} decisions never reached their callback`);
  expect(mismatched === 0, `${mismatched} callbacks carry a decision other than the decision of record`);
  expect(badSignatures === 0, `${badSignatures} callbacks failed signature checks`);
  expect(poisonDeadLettered === v.poisons.length, `${v.poisons.length - poisonDeadLettered} poison messages are not in the dead letters`);
  expect(poisonWrongStageOrCode === 0, `${poisonWrongStageOrCode} poison dead letters have another stage/code than ${POISON_STAGE}/${POISON_CODE}`);
  expect(replayed.length === repairable.length, `${repairable.length - replayed.length} repaired replays were not accepted: ${repairable.filter((p) => !replayed.includes(p)).map((p) => p.replayError ?? p.replay?.replay?.result ?? 'not found').join('; ')}`);
  expect(replayDecided === replayed.length, `${replayed.length - replayDecided} replays have no single decision delivered to their callback`);
  expect(replayAudited === replayed.length, `${replayed.length - replayAudited} replays are missing from the audit stream`);

  return {
    sent: v.submissions.length,
    accepted: accepted.length,
    acceptedRest: accepted.filter((s) => s.protocol === 'REST').length,
    acceptedSoap: accepted.filter((s) => s.protocol === 'SOAP').length,
    notAccepted: v.submissions.length - accepted.length,
    decided,
    lost,
    duplicates,
    undelivered,
    mismatched,
    callbackRedeliveries,
    badSignatures,
    decidedWithoutReceipt,
    poisonInjected: v.poisons.length,
    poisonDeadLettered,
    poisonWrongStageOrCode,
    poisonDeadLetteredAgain,
    deadLetters: countBy(v.deadLetters, (d) => `${d.stage}:${d.code}`),
    notAcceptedReasons,
    otherDeadLetters: countBy(v.otherDeadLetters, (d) => `${d.stage}:${d.code}`),
    repairable: repairable.length,
    replayed: replayed.length,
    replayDecided,
    replayAudited,
    violations,
  };
}
