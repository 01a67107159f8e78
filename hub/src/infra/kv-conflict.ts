/** True when a KV compare-and-set lost to a concurrent writer (wrong last sequence / key exists), not a failure. */
export function isKvConflict(err: unknown): boolean {
  const text = String((err as Error)?.message ?? err);
  return /wrong last sequence|key exists|10071|10164/i.test(text);
}
