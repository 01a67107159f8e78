import type { TimelineEvent } from '@tareks/schemas';
import { i18n } from '$lib/i18n/i18n.svelte.js';

const OUTCOMES = ['DELIVERED', 'RETRYING', 'FAILED', 'OK', 'PARTIAL', 'UNREADABLE', 'DEADLINE', 'COMPLIANT', 'NON_COMPLIANT'] as const;
type KnownOutcome = (typeof OUTCOMES)[number];
const isKnown = (code: string): code is KnownOutcome => (OUTCOMES as readonly string[]).includes(code);

/** The outcome of an event in words where the page knows the code (e.g. `iletildi`), otherwise the code itself (REST, HUB_ERR_…). */
export function outcomeText(e: TimelineEvent): string | null {
  if (!e.outcome) return null;
  return isKnown(e.outcome) ? i18n.t(`declaration.outcome.${e.outcome}`) : e.outcome;
}

/** Severity for the marker colour: failures stand out, retries warn, the rest is normal. */
export function severityOf(e: TimelineEvent): 'bad' | 'warn' | 'ok' {
  if (e.stage === 'DEAD_LETTERED' || e.outcome === 'FAILED' || e.outcome === 'UNREADABLE' || e.outcome === 'DEADLINE' || e.outcome === 'NON_COMPLIANT') return 'bad';
  if (e.stage === 'DUPLICATE' || e.stage === 'SUPERSEDED' || e.outcome === 'RETRYING' || e.outcome === 'PARTIAL') return 'warn';
  return 'ok';
}
