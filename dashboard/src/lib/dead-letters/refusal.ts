import { HubApiError } from '$lib/api/hub-api.js';
import { i18n } from '$lib/i18n/i18n.svelte.js';

/** A refusal of the hub as the user reads it, with its stable code. */
export function refusal(err: unknown): string {
  if (err instanceof HubApiError) return i18n.t('deadLetters.refused', { code: err.code, message: err.message });
  return i18n.t('deadLetters.refused', { code: 'ERROR', message: err instanceof Error ? err.message : String(err) });
}
