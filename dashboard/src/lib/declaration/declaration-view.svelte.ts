import type { DeclarationTimeline } from '@tareks/schemas';
import { HubApiError, hubApi } from '$lib/api/hub-api.js';

/** The DeclarationId pattern of `@tareks/schemas` (the dashboard imports types only, so the value is repeated here). */
export const DECLARATION_ID = /^[0-9]{8}[A-Z]{2}[0-9A-Z]{6}$/;

export type ViewStatus = 'idle' | 'loading' | 'loaded' | 'not-found' | 'error';

/** One declaration's timeline as the page shows it; a newer load cancels the one in flight. */
export class DeclarationView {
  status = $state<ViewStatus>('idle');
  id = $state('');
  timeline = $state.raw<DeclarationTimeline | null>(null);
  errorCode = $state('');
  #inFlight: AbortController | null = null;

  async load(id: string): Promise<void> {
    this.#inFlight?.abort();
    const ctrl = new AbortController();
    this.#inFlight = ctrl;
    // A reload of the same declaration keeps the page as it is until the answer arrives.
    if (id !== this.id || this.status !== 'loaded') {
      this.status = 'loading';
      this.timeline = null;
    }
    this.id = id;
    try {
      const timeline = await hubApi<DeclarationTimeline>(`/v1/timeline/${encodeURIComponent(id)}`, { signal: ctrl.signal });
      if (ctrl.signal.aborted) return;
      this.timeline = timeline;
      this.status = 'loaded';
    } catch (err) {
      if (ctrl.signal.aborted) return;
      this.timeline = null;
      this.errorCode = err instanceof HubApiError ? err.code : 'UNKNOWN';
      this.status = err instanceof HubApiError && err.status === 404 ? 'not-found' : 'error';
    }
  }

  clear(): void {
    this.#inFlight?.abort();
    this.status = 'idle';
    this.id = '';
    this.timeline = null;
  }
}
