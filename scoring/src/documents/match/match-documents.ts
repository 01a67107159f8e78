import type {
  CertificateCoverage, Declaration, Discrepancy, DocumentExtraction, DocumentFindings, InvoiceLine, Item, ItemMatchResult, Reason,
} from '@tareks/schemas';
import { chapterRequirement } from './chapter-standards.js';
import { codeKey, descriptionSimilarity, sameCode } from './description-similarity.js';
import { reason } from './document-reasons.js';
import { standardFamily } from '../extract/references.js';

export interface MatchTolerances {
  /** Relative quantity difference still taken as equal. Default 0.02 (rounding, a spare unit in a thousand). */
  readonly quantity?: number;
  /** Relative unit-price difference still taken as equal. Default 0.05. */
  readonly unitPrice?: number;
  /** Relative amount difference still taken as equal. Default 0.05 (discounts, rounding of line totals). */
  readonly amount?: number;
  /** A line is the item's only when their agreement reaches this. Default 0.45. */
  readonly minMatchScore?: number;
}

export interface MatchOptions {
  readonly tolerances?: MatchTolerances;
  /** sha256 of documents not read before the scoring deadline. */
  readonly timedOut?: readonly string[];
}

interface Line extends InvoiceLine {
  readonly sha256?: string;
  readonly currency?: string;
}

const relDiff = (found: number, declared: number): number => (declared === 0 ? (found === 0 ? 0 : 1) : (found - declared) / declared);
const closeness = (diff: number, tolerance: number): number => (Math.abs(diff) <= tolerance ? 1 : Math.max(0, 1 - Math.abs(diff) / 0.5));
const round = (n: number): number => Math.round(n * 1000) / 1000;

function gtipAgreement(item: Item, line: Line): number {
  if (!line.gtip) return 0.5;
  for (const [digits, score] of [[12, 1], [8, 0.75], [6, 0.5], [4, 0.25]] as const) {
    if (item.gtip.slice(0, digits) === line.gtip.slice(0, digits)) return score;
  }
  return 0;
}

function similarity(item: Item, line: Line, t: Required<MatchTolerances>): ItemMatchResult['similarity'] & { model: number } {
  const sameCurrency = !line.currency || line.currency === item.value.currency;
  const declaredUnit = item.value.amount / item.quantity;
  return {
    description: round(descriptionSimilarity(`${item.description} ${item.brand ?? ''}`, line.description)),
    quantity: line.quantity === undefined ? 0.5 : round(closeness(relDiff(line.quantity, item.quantity), t.quantity)),
    unitPrice: line.unitPrice === undefined || !sameCurrency ? 0.5 : round(closeness(relDiff(line.unitPrice, declaredUnit), t.unitPrice)),
    amount: line.amount === undefined || !sameCurrency ? 0.5 : round(closeness(relDiff(line.amount, item.value.amount), t.amount)),
    gtip: gtipAgreement(item, line),
    model: item.model && line.model ? (codeKey(item.model) === codeKey(line.model) ? 1 : 0) : item.model && codeKey(line.description).includes(codeKey(item.model)) ? 1 : 0.5,
  };
}

/** Agreement of an item and a line: identity (GTİP, model, words) weighs more than the figures, which may be the very discrepancy. */
const agreement = (s: ReturnType<typeof similarity>): number =>
  round(0.28 * s.gtip + 0.22 * s.model + 0.2 * s.description + 0.12 * s.quantity + 0.12 * s.amount + 0.06 * s.unitPrice);

function discrepancies(item: Item, line: Line, t: Required<MatchTolerances>): Discrepancy[] {
  const out: Discrepancy[] = [];
  const sameCurrency = !line.currency || line.currency === item.value.currency;
  if (line.quantity !== undefined && Math.abs(relDiff(line.quantity, item.quantity)) > t.quantity) {
    out.push({ field: 'quantity', declared: item.quantity, found: line.quantity, relativeDiff: round(relDiff(line.quantity, item.quantity)) });
  }
  if (sameCurrency && line.unitPrice !== undefined) {
    const declared = item.value.amount / item.quantity;
    if (Math.abs(relDiff(line.unitPrice, declared)) > t.unitPrice) out.push({ field: 'unitPrice', declared: round(declared), found: line.unitPrice, relativeDiff: round(relDiff(line.unitPrice, declared)) });
  }
  if (sameCurrency && line.amount !== undefined && Math.abs(relDiff(line.amount, item.value.amount)) > t.amount) {
    out.push({ field: 'amount', declared: item.value.amount, found: line.amount, relativeDiff: round(relDiff(line.amount, item.value.amount)) });
  }
  if (line.gtip && line.gtip.slice(0, 8) !== item.gtip.slice(0, 8)) out.push({ field: 'gtip', declared: item.gtip, found: line.gtip });
  if (!sameCurrency) out.push({ field: 'currency', declared: item.value.currency, found: line.currency! });
  return out;
}

const DISCREPANCY_REASON = { quantity: 'QUANTITY_MISMATCH', unitPrice: 'UNIT_PRICE_MISMATCH', amount: 'ITEM_VALUE_MISMATCH', gtip: 'GTIP_MISMATCH', currency: 'INVOICE_CURRENCY_MISMATCH' } as const;

function coverage(item: Item, certificates: readonly DocumentExtraction[]): { coverage: CertificateCoverage; reasons: Reason[] } {
  const need = chapterRequirement(item.gtip);
  const required = need.required || item.conformity?.ceMarked === true;
  const modelKey = item.model ? codeKey(item.model) : undefined;
  const aboutItem = certificates.filter((c) =>
    (modelKey && c.references.modelNumbers.some((m) => codeKey(m.value) === modelKey)) || c.references.gtipCodes.some((g) => g.value === item.gtip));
  const candidates = aboutItem.length ? aboutItem : certificates;
  const relevant = candidates
    .map((c) => ({ c, standards: c.references.standards.map((s) => s.value).filter((s) => need.families.includes(standardFamily(s))) }))
    .filter((x) => x.standards.length)
    .sort((a, b) => b.standards.length - a.standards.length)[0];
  const reasons: Reason[] = [];
  if (required && !candidates.length) reasons.push(reason('CERTIFICATE_MISSING'));
  else if (required && need.families.length && !relevant) reasons.push(reason('CERTIFICATE_STANDARD_NOT_RELEVANT'));
  const declaredNo = item.conformity?.certificateNo;
  if (declaredNo && !certificates.some((c) => c.references.certificateNumbers.some((n) => sameCode(n.value, declaredNo)) || (c.certificate?.number && sameCode(c.certificate.number.value, declaredNo)))) {
    reasons.push(reason('CERTIFICATE_NUMBER_MISMATCH'));
  }
  if (item.conformity?.ceMarked && candidates.length && !candidates.some((c) => c.references.ceMarking.value)) reasons.push(reason('CE_MARKING_MISSING'));
  return {
    coverage: {
      required, expectedStandards: [...need.families], covered: !!relevant, standards: relevant?.standards ?? [],
      ...(relevant?.c.sha256 ? { certificateSha256: relevant.c.sha256 } : {}),
    },
    reasons,
  };
}

const isInvoice = (x: DocumentExtraction): boolean => x.status === 'OK' && !!x.invoice && (x.detectedType === 'INVOICE' || x.declaredType === 'INVOICE');
const isCertificate = (x: DocumentExtraction): boolean => x.status === 'OK' && (x.detectedType === 'CERTIFICATE_OF_CONFORMITY' || x.detectedType === 'TEST_REPORT' || !!x.certificate);

/**
 * Checks a declaration against what its documents say, item by item: each item is paired with the invoice line
 * that agrees with it best (one line per item), then quantities, prices, amounts, GTİP, currency, parties and
 * certificate coverage are compared. The result carries coded reasons and numeric features for scoring.
 */
export function matchDocuments(declaration: Declaration, extractions: readonly DocumentExtraction[], o: MatchOptions = {}): DocumentFindings {
  const t: Required<MatchTolerances> = { quantity: 0.02, unitPrice: 0.05, amount: 0.05, minMatchScore: 0.45, ...o.tolerances };
  const invoices = extractions.filter(isInvoice);
  const certificates = extractions.filter(isCertificate);
  const lines: Line[] = invoices.flatMap((x) => x.invoice!.lines.map((l) => ({ ...l, sha256: x.sha256, currency: x.invoice!.currency?.value })));
  const reasons: Reason[] = [];

  const pairs = declaration.items.flatMap((item) => lines.map((line) => {
    const s = similarity(item, line, t);
    return { item, line, s, score: agreement(s) };
  }));
  pairs.sort((a, b) => b.score - a.score);
  const byItem = new Map<number, (typeof pairs)[number]>();
  const usedLines = new Set<Line>();
  for (const p of pairs) {
    if (p.score < t.minMatchScore || byItem.has(p.item.itemNo) || usedLines.has(p.line)) continue;
    byItem.set(p.item.itemNo, p);
    usedLines.add(p.line);
  }

  const items: ItemMatchResult[] = declaration.items.map((item) => {
    const p = byItem.get(item.itemNo);
    const cert = coverage(item, certificates);
    const itemReasons: Reason[] = [];
    let found: Discrepancy[] = [];
    if (!p) {
      if (invoices.length) itemReasons.push(reason('ITEM_NOT_ON_INVOICE'));
    } else {
      found = discrepancies(item, p.line, t);
      for (const d of found) itemReasons.push(reason(DISCREPANCY_REASON[d.field], p.line.confidence));
      const amount = found.find((d) => d.field === 'amount');
      if (amount && (amount.relativeDiff ?? 0) > 0) itemReasons.push(reason('DECLARED_VALUE_BELOW_INVOICE', p.line.confidence * Math.min(1, (amount.relativeDiff ?? 0) / 0.5)));
    }
    itemReasons.push(...cert.reasons);
    const { model: _model, ...sim } = p?.s ?? { description: 0, quantity: 0, unitPrice: 0, amount: 0, gtip: 0, model: 0 };
    return {
      itemNo: item.itemNo,
      matched: !!p,
      score: p?.score ?? 0,
      ...(p ? { line: { ...(p.line.sha256 ? { sha256: p.line.sha256 } : {}), lineNo: p.line.lineNo, description: p.line.description } } : {}),
      similarity: sim,
      discrepancies: found,
      certificate: cert.coverage,
      reasons: itemReasons,
    };
  });

  const unmatchedLines = lines.filter((l) => !usedLines.has(l)).map((l) => ({
    ...(l.sha256 ? { sha256: l.sha256 } : {}), lineNo: l.lineNo, description: l.description, ...(l.amount !== undefined ? { amount: l.amount } : {}),
  }));
  if (unmatchedLines.length) reasons.push(reason('INVOICE_LINE_NOT_DECLARED'));
  if (extractions.some((e) => e.status === 'UNREADABLE')) reasons.push(reason('DOCUMENT_UNREADABLE'));
  const invoiceDeclared = extractions.some((x) => x.declaredType === 'INVOICE' || x.detectedType === 'INVOICE');
  if (!invoices.length && !invoiceDeclared) reasons.push(reason('INVOICE_MISSING'));
  if (o.timedOut?.length) reasons.push(reason('DOCUMENTS_TIMED_OUT'));

  const currency = declaration.items[0]!.value.currency;
  const declared = round(declaration.items.filter((i) => i.value.currency === currency).reduce((a, i) => a + i.value.amount, 0));
  const sameCurrencyInvoices = invoices.filter((x) => !x.invoice!.currency || x.invoice!.currency.value === currency);
  const invoiced = sameCurrencyInvoices.length
    ? round(sameCurrencyInvoices.reduce((a, x) => a + (x.invoice!.subtotal?.value ?? x.invoice!.lines.reduce((s, l) => s + (l.amount ?? 0), 0)), 0))
    : undefined;
  if (invoices.some((x) => x.invoice!.currency && x.invoice!.currency.value !== currency)) reasons.push(reason('INVOICE_CURRENCY_MISMATCH'));
  const valueDiff = invoiced === undefined ? undefined : round(relDiff(invoiced, declared));
  if (valueDiff !== undefined && valueDiff > t.amount) reasons.push(reason('DECLARED_VALUE_BELOW_INVOICE', Math.min(1, valueDiff / 0.5)));

  const partyVkns = invoices.map((x) => (declaration.kind === 'IMPORT' ? x.invoice!.buyer.vkn : x.invoice!.seller.vkn)).filter((v) => v?.valid);
  const partyMismatch = partyVkns.length > 0 && !partyVkns.some((v) => v!.value === declaration.trader.taxId);
  if (partyMismatch) reasons.push(reason('INVOICE_PARTY_MISMATCH'));

  const ocrPages = extractions.flatMap((x) => x.pages);
  const required = items.filter((i) => i.certificate.required);
  const features: Record<string, number> = {
    doc_count: extractions.length,
    doc_unreadable: extractions.filter((x) => x.status === 'UNREADABLE').length,
    doc_timed_out: o.timedOut?.length ?? 0,
    doc_invoice_present: invoices.length ? 1 : 0,
    doc_items_matched_ratio: round(items.filter((i) => i.matched).length / items.length),
    doc_item_score_min: items.length ? Math.min(...items.map((i) => i.score)) : 0,
    doc_item_score_mean: round(items.reduce((a, i) => a + i.score, 0) / items.length),
    doc_unmatched_lines: unmatchedLines.length,
    doc_quantity_mismatches: items.filter((i) => i.discrepancies.some((d) => d.field === 'quantity')).length,
    doc_gtip_mismatches: items.filter((i) => i.discrepancies.some((d) => d.field === 'gtip')).length,
    doc_value_rel_diff: valueDiff ?? 0,
    doc_undervaluation: Math.max(0, valueDiff ?? 0),
    doc_party_mismatch: partyMismatch ? 1 : 0,
    doc_cert_required: required.length,
    doc_cert_covered_ratio: required.length ? round(required.filter((i) => i.certificate.covered).length / required.length) : 1,
    doc_ocr_confidence: ocrPages.length ? round(ocrPages.reduce((a, p) => a + p.confidence, 0) / ocrPages.length) : 0,
  };

  return {
    declarationId: declaration.id,
    version: declaration.version,
    documents: extractions.map((x) => ({
      ...(x.sha256 ? { sha256: x.sha256 } : {}), ...(x.declaredType ? { declaredType: x.declaredType } : {}), detectedType: x.detectedType, status: x.status,
      ...(x.error ? { errorCode: x.error.code } : {}),
    })),
    items,
    unmatchedLines,
    value: { declared, ...(invoiced !== undefined ? { invoiced } : {}), currency, ...(valueDiff !== undefined ? { relativeDiff: valueDiff } : {}) },
    features,
    reasons,
  };
}
