import type { CorpusCase } from '@tareks/scoring';
import type { Declaration, DocumentRef } from '@tareks/schemas';

/**
 * The corpus declaration under `id` with `documents`, one item (one the invoice agrees with) claiming three times
 * the invoice's quantity and value, so matching has a discrepancy to find on `changedItemNo`.
 */
export function withTripledItem(corpus: CorpusCase, id: string, documents: DocumentRef[]): { declaration: Declaration; changedItemNo: number } {
  const off = new Set([...corpus.expected.quantityMismatchItemNos, ...corpus.expected.undervaluedItemNos]);
  const changed = corpus.declaration.items.find((i) => !off.has(i.itemNo))!;
  const declaration: Declaration = {
    ...corpus.declaration,
    id,
    submittedAt: new Date().toISOString(),
    items: corpus.declaration.items.map((i) => (i === changed ? { ...i, quantity: i.quantity * 3, value: { ...i.value, amount: i.value.amount * 3 } } : i)),
    documents,
  };
  return { declaration, changedItemNo: changed.itemNo };
}
