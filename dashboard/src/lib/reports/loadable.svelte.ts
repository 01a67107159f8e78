import { HubApiError } from '$lib/api/hub-api.js';

/** Something fetched from the hub: the last answer, the error of the last attempt, and whether one is under way. */
export class Loadable<T> {
  data = $state.raw<T | null>(null);
  error = $state.raw<HubApiError | null>(null);
  loading = $state(false);
  #controller: AbortController | null = null;

  /** Starts `fetch`, cancelling the one before it, so a slow old answer never overwrites a newer one. */
  async load(fetch: (signal: AbortSignal) => Promise<T>): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    try {
      const data = await fetch(controller.signal);
      if (controller.signal.aborted) return;
      this.data = data;
      this.error = null;
    } catch (err) {
      if (controller.signal.aborted) return;
      this.error = err instanceof HubApiError ? err : new HubApiError(0, 'UNKNOWN', String(err));
    } finally {
      if (this.#controller === controller) this.loading = false;
    }
  }

  dispose(): void {
    this.#controller?.abort();
  }
}
