import { describe, expect, it } from 'vitest';
import { TimelineEvent, compile, type DeadLetter, type NotifyJob, type OcrJob } from '@tareks/schemas';
import { DocumentDeadlineError } from '../src/documents/ocr-role.js';
import {
  callbackEvent, deadLetteredEvent, duplicateEvent, enrichedEvent, ocrEvent, outcomeEvent, receivedEvent, replayedEvent, supersededEvent,
  supersededEvents, type TimelineEventInput,
} from '../src/timeline/index.js';

const ID = '26341300IM0EVT01';
const SHA = 'a'.repeat(64);
const valid = compile<TimelineEvent>(TimelineEvent);
const stored = (e: TimelineEventInput) => valid({ ...e, at: e.at ?? '2026-01-15T10:00:00.000Z' });

const ocrJob: OcrJob = { declarationId: ID, version: 2, document: { type: 'INVOICE', mediaType: 'application/pdf', sha256: SHA, size: 1000 } };
const notifyJob: NotifyJob = {
  enqueuedAt: '2026-01-15T10:00:00.000Z',
  notification: {
    deliveryId: 'f'.repeat(32), clientId: 'customs-1', declarationId: ID, version: 1,
    decision: {
      declarationId: ID, version: 1, customsOffice: '341300', kind: 'IMPORT', domain: 'PRODUCT_SAFETY', lane: 'GREEN', items: [], modelVersion: 'rules-1',
      timings: { receivedAt: '2026-01-15T10:00:00.000Z', decidedAt: '2026-01-15T10:00:00.100Z', enrichMs: 1, scoreMs: 1, totalMs: 100 },
    },
  },
};
const letter = (over: Partial<DeadLetter> = {}): DeadLetter => ({
  id: 'dl-1', stage: 'notify', subject: 'bullmq:notify', payload: '', headers: {}, error: { code: 'CALLBACK_ERR_REJECTED', message: 'HTTP 400' }, attempts: 1,
  firstFailureAt: '2026-01-15T10:00:00.000Z', lastFailureAt: '2026-01-15T10:00:00.000Z', declarationId: ID, version: 1, replays: [], ...over,
});

describe('timeline events built by the stages', () => {
  it.each<[string, TimelineEventInput, Partial<TimelineEvent>]>([
    ['received', receivedEvent({ id: ID, version: 1 }, '2026-01-15T10:00:00.000Z', { clientId: 'customs-1', protocol: 'SOAP' }), { stage: 'RECEIVED', outcome: 'SOAP', by: 'customs-1' }],
    ['replayed receipt', receivedEvent({ id: ID, version: 1 }, '2026-01-15T10:00:00.000Z', { clientId: 'replay:admin', protocol: 'REPLAY' }), { outcome: 'REPLAY' }],
    ['duplicate', duplicateEvent({ id: ID, version: 1 }, { clientId: 'customs-1', protocol: 'REST' }), { stage: 'DUPLICATE', outcome: 'REST' }],
    ['superseded', supersededEvent(ID, 1, 3), { stage: 'SUPERSEDED', version: 1, detail: 'by version 3' }],
    ['enriched, all answered', enrichedEvent({ id: ID, version: 1 }, [{ step: 'kps', status: 'OK', flags: [], tookMs: 3 }], 4), { stage: 'ENRICHED', outcome: 'OK', ms: 4 }],
    ['OCR read', ocrEvent(ocrJob, { mediaType: 'application/pdf', status: 'OK', detectedType: 'INVOICE', pages: [], references: { gtipCodes: [], ceMarking: { value: false, confidence: 1 }, standards: [], certificateNumbers: [], notifiedBodies: [], modelNumbers: [] }, ms: 812 }),
      { stage: 'OCR', outcome: 'OK', ms: 812, version: 2, document: { sha256: SHA, type: 'INVOICE', pages: 0 } }],
    ['OCR past its deadline', ocrEvent(ocrJob, null, new DocumentDeadlineError('not read within 1000 ms')), { outcome: 'DEADLINE', errorCode: 'HUB_ERR_DOCUMENT_DEADLINE', detail: 'not read within 1000 ms' }],
    ['OCR failed', ocrEvent(ocrJob, null, new Error('pool died')), { outcome: 'FAILED', detail: 'pool died' }],
    ['callback delivered', callbackEvent(notifyJob, 'DELIVERED', 3), { stage: 'CALLBACK', outcome: 'DELIVERED', attempt: 3, by: 'customs-1', deliveryId: 'f'.repeat(32) }],
    ['callback failed', callbackEvent(notifyJob, 'FAILED', 1, { code: 'CALLBACK_ERR_REJECTED', message: 'HTTP 400' }), { outcome: 'FAILED', errorCode: 'CALLBACK_ERR_REJECTED' }],
    ['dead-lettered', deadLetteredEvent(letter())[0]!, { stage: 'DEAD_LETTERED', outcome: 'NOTIFY', errorCode: 'CALLBACK_ERR_REJECTED', deadLetterId: 'dl-1' }],
    ['replayed', replayedEvent(letter(), { replayId: 'r1', at: '2026-01-15T11:00:00.000Z', by: 'user:admin', edited: true, result: 'ACCEPTED' })[0]!,
      { stage: 'REPLAYED', outcome: 'ACCEPTED', by: 'user:admin', detail: 'edited payload', at: '2026-01-15T11:00:00.000Z' }],
    ['outcome recorded', outcomeEvent({ declarationId: ID, version: 1, itemNo: 2, inspector: 'Mehmet Kaya', result: 'NON_COMPLIANT', findings: [], inspectedAt: '2026-01-15T12:00:00.000Z' }, 'user:mehmet'),
      { stage: 'OUTCOME_RECORDED', outcome: 'NON_COMPLIANT', itemNo: 2, by: 'user:mehmet' }],
  ])('%s: fits the contract', (_name, event, expected) => {
    const checked = stored(event);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    expect(event).toMatchObject({ declarationId: ID, ...expected });
  });

  it('keeps what a superseded record showed: its receipt, its score and decision when decided, then the supersession', () => {
    const decision = notifyJob.notification.decision;
    const record = { id: ID, version: 1, status: 'DECIDED' as const, receivedAt: decision.timings.receivedAt, updatedAt: decision.timings.decidedAt, decision, intake: { clientId: 'customs-1', protocol: 'SOAP' as const, seq: 7 } };
    const events = supersededEvents(record, 2);
    expect(events.map((e) => e.stage)).toEqual(['RECEIVED', 'SCORED', 'DECIDED', 'SUPERSEDED']);
    expect(events[0]).toMatchObject({ version: 1, outcome: 'SOAP', by: 'customs-1', at: decision.timings.receivedAt });
    expect(events[2]).toMatchObject({ lane: 'GREEN', at: decision.timings.decidedAt });
    for (const e of events) expect(stored(e).ok).toBe(true);
    const undecided = supersededEvents({ ...record, status: 'RECEIVED', decision: undefined }, 2);
    expect(undecided.map((e) => e.stage)).toEqual(['RECEIVED', 'SUPERSEDED']);
  });

  it('records nothing for a dead letter that names no declaration', () => {
    expect(deadLetteredEvent(letter({ declarationId: undefined, version: undefined }))).toEqual([]);
    expect(replayedEvent(letter({ declarationId: undefined }), { replayId: 'r', at: '2026-01-15T11:00:00.000Z', by: 'u', edited: false, result: 'ACCEPTED' })).toEqual([]);
  });

  it('marks an enrichment with an unavailable registry as partial and keeps each registry', () => {
    const e = enrichedEvent({ id: ID, version: 1 }, [
      { step: 'mersis', status: 'OK', flags: [], tookMs: 2 },
      { step: 'kps', status: 'UNAVAILABLE', flags: ['REGISTRY_UNAVAILABLE'], tookMs: 5000 },
    ], 5001);
    expect(e).toMatchObject({ outcome: 'PARTIAL', registries: [{ step: 'mersis', status: 'OK', ms: 2 }, { step: 'kps', status: 'UNAVAILABLE', flags: ['REGISTRY_UNAVAILABLE'], ms: 5000 }] });
  });

  it('turns an error code that is not a code token into one, or leaves it out', () => {
    expect(callbackEvent(notifyJob, 'RETRYING', 2, { code: 'ECONNRESET-x', message: 'socket hang up' }).errorCode).toBe('ECONNRESET_X');
    expect(callbackEvent(notifyJob, 'RETRYING', 2, { code: '503', message: 'busy' }).errorCode).toBeUndefined();
  });
});
