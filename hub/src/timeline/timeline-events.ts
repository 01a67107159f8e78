import type {
  DeadLetter, Decision, Declaration, DeclarationRecord, DocumentExtraction, EnrichmentResult, InspectionOutcome, NotifyJob, OcrJob, ReplayRecord,
} from '@tareks/schemas';
import type { TimelineEventInput } from './timeline.recorder.js';

/** What the stages record, built here so each stage needs one line. */

export interface IngestCaller {
  readonly clientId: string;
  readonly protocol: string;
}

export function receivedEvent(d: Pick<Declaration, 'id' | 'version'>, receivedAt: string, caller: IngestCaller): TimelineEventInput {
  return { declarationId: d.id, version: d.version, stage: 'RECEIVED', at: receivedAt, outcome: codeOf(caller.protocol), by: caller.clientId };
}

export function duplicateEvent(d: Pick<Declaration, 'id' | 'version'>, caller: IngestCaller): TimelineEventInput {
  return { declarationId: d.id, version: d.version, stage: 'DUPLICATE', outcome: codeOf(caller.protocol), by: caller.clientId };
}

/** The older version, superseded by `newer` (its own RECEIVED follows). */
export function supersededEvent(id: string, older: number, newer: number): TimelineEventInput {
  return { declarationId: id, version: older, stage: 'SUPERSEDED', detail: `by version ${newer}` };
}

/**
 * What the state of record shows of its version: received (by whom, how) and, once decided, scored and decided.
 * The timeline reader shows these from the state, so the stages do not append them for the current version.
 */
export function recordEvents(r: DeclarationRecord): TimelineEventInput[] {
  const received = r.intake ? receivedEvent(r, r.receivedAt, r.intake) : { declarationId: r.id, version: r.version, stage: 'RECEIVED' as const, at: r.receivedAt };
  return [received, ...(r.decision?.version === r.version ? decisionEvents(r.decision) : [])];
}

/** When a newer version replaces a record, its version's events are appended: the state will only show the newer. */
export function supersededEvents(older: DeclarationRecord, newer: number): TimelineEventInput[] {
  return [...recordEvents(older), supersededEvent(older.id, older.version, newer)];
}

export function enrichedEvent(d: Pick<Declaration, 'id' | 'version'>, results: readonly EnrichmentResult[], ms: number): TimelineEventInput {
  const unavailable = results.filter((r) => r.status === 'UNAVAILABLE').length;
  return {
    declarationId: d.id,
    version: d.version,
    stage: 'ENRICHED',
    outcome: unavailable ? 'PARTIAL' : 'OK',
    ms,
    registries: results.slice(0, 16).map((r) => ({ step: r.step.slice(0, 32), status: r.status, flags: r.flags.slice(0, 16), ms: r.tookMs })),
  };
}

/** SCORED when the model (or the rule baseline) finished, DECIDED once the decision was durably published. */
export function decisionEvents(d: Decision): TimelineEventInput[] {
  const base = { declarationId: d.declarationId, version: d.version };
  return [
    { ...base, stage: 'SCORED', at: d.timings.decidedAt, ms: d.timings.scoreMs, modelVersion: d.modelVersion },
    { ...base, stage: 'DECIDED', at: d.timings.decidedAt, lane: d.lane, modelVersion: d.modelVersion, ms: d.timings.totalMs },
  ];
}

export function ocrEvent(job: OcrJob, result: DocumentExtraction | null, error?: { code?: string; message: string }): TimelineEventInput {
  const { declarationId, version, document } = job;
  const doc = { sha256: document.sha256, type: document.type, ...(result ? { pages: result.pages.length } : {}) };
  if (result) {
    return {
      declarationId, version, stage: 'OCR', outcome: result.status, ms: result.ms, document: doc,
      ...(result.error ? { errorCode: codeOf(result.error.code), detail: result.error.message } : {}),
    };
  }
  const code = codeOf(error?.code);
  return {
    declarationId, version, stage: 'OCR', outcome: code === 'HUB_ERR_DOCUMENT_DEADLINE' ? 'DEADLINE' : 'FAILED', document: doc,
    ...(code ? { errorCode: code } : {}), ...(error ? { detail: error.message } : {}),
  };
}

export type CallbackResult = 'DELIVERED' | 'RETRYING' | 'FAILED';

export function callbackEvent(job: NotifyJob, result: CallbackResult, attempt: number, error?: { code: string; message: string }): TimelineEventInput {
  const n = job.notification;
  return {
    declarationId: n.declarationId, version: n.version, stage: 'CALLBACK', outcome: result, attempt, deliveryId: n.deliveryId, by: n.clientId,
    ...(error ? { errorCode: codeOf(error.code), detail: error.message } : {}),
  };
}

export function deadLetteredEvent(letter: DeadLetter): TimelineEventInput[] {
  if (!letter.declarationId || !letter.version) return [];
  return [{
    declarationId: letter.declarationId, version: letter.version, stage: 'DEAD_LETTERED', outcome: codeOf(letter.stage.toUpperCase()),
    errorCode: codeOf(letter.error.code), detail: letter.error.message, deadLetterId: letter.id,
  }];
}

export function replayedEvent(letter: DeadLetter, record: ReplayRecord): TimelineEventInput[] {
  if (!letter.declarationId || !letter.version) return [];
  return [{
    declarationId: letter.declarationId, version: letter.version, stage: 'REPLAYED', at: record.at, outcome: codeOf(record.result),
    deadLetterId: letter.id, by: record.by, ...(record.edited ? { detail: 'edited payload' } : {}),
  }];
}

export function outcomeEvent(o: InspectionOutcome, by: string): TimelineEventInput {
  return { declarationId: o.declarationId, version: o.version, stage: 'OUTCOME_RECORDED', outcome: o.result, itemNo: o.itemNo, by };
}

/** Upper-case code token, or undefined when there is nothing usable (the contract only takes `^[A-Z][A-Z0-9_]*$`). */
function codeOf(value: string | undefined): string | undefined {
  const code = value?.toUpperCase().replace(/[^A-Z0-9_]/g, '_').slice(0, 64);
  return code && /^[A-Z]/.test(code) ? code : undefined;
}
