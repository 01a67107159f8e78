import type { Job } from 'bullmq';
import type { Decision, DocumentExtraction, DocumentFindings, EnrichmentResult, Reason, ScoreJob } from '@tareks/schemas';
import { matchDocuments } from '../documents/match/match-documents.js';

/** Name of the enrichment entry that carries the document findings' codes to the rules and the model. */
export const DOCUMENTS_STEP = 'documents';

export interface DocumentInputs {
  readonly findings: DocumentFindings;
  /** Child failures by job key (deadline passed, crashed worker): those documents were decided without. */
  readonly failures: Readonly<Record<string, string>>;
}

/**
 * Reads what the score job's ocr children found (their return values; failures ignored by the flow) and matches it
 * with the declaration. A document with no result — failed, past its deadline, or never queued — counts as not
 * read in time (DOCUMENTS_TIMED_OUT), never as a reason to hold the decision.
 */
export async function collectDocumentFindings(job: Job<ScoreJob, unknown>): Promise<DocumentInputs> {
  const { declaration } = job.data;
  const [values, failures] = await Promise.all([job.getChildrenValues<DocumentExtraction>(), job.getIgnoredChildrenFailures()]);
  const read = new Map(Object.values(values).filter((x) => x?.sha256).map((x) => [x.sha256!, x]));
  const shas = [...new Set(declaration.documents.map((d) => d.sha256))];
  const extractions = shas.flatMap((sha) => (read.has(sha) ? [read.get(sha)!] : []));
  const timedOut = shas.filter((sha) => !read.has(sha));
  return { findings: matchDocuments(declaration, extractions, { timedOut }), failures };
}

/** Every code the findings raised (declaration and items), as flags the rule baseline and the model's rules weigh. */
export function withDocumentFlags(job: ScoreJob, findings: DocumentFindings, tookMs: number): ScoreJob {
  const codes = new Set([...findings.reasons, ...findings.items.flatMap((i) => i.reasons)].map((r) => r.code));
  const step: EnrichmentResult = {
    step: DOCUMENTS_STEP,
    status: findings.features['doc_timed_out'] ? 'UNAVAILABLE' : 'OK',
    flags: [...codes],
    data: { features: findings.features },
    tookMs,
  };
  return { ...job, enrichment: [...job.enrichment, step] };
}

/** Adds to each item the findings' reasons about it and about the declaration, unless a reason of that code is there already. */
export function withDocumentReasons<D extends Pick<Decision, 'items'>>(decision: D, findings: DocumentFindings): D {
  const byItem = new Map(findings.items.map((i) => [i.itemNo, i.reasons]));
  return {
    ...decision,
    items: decision.items.map((item) => {
      const have = new Set(item.reasons.map((r) => r.code));
      const extra: Reason[] = [];
      for (const r of [...(byItem.get(item.itemNo) ?? []), ...findings.reasons]) {
        if (have.has(r.code)) continue;
        have.add(r.code);
        extra.push(r);
      }
      return extra.length ? { ...item, reasons: [...item.reasons, ...extra] } : item;
    }),
  };
}
