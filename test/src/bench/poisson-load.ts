import { quantile } from './stats.js';

export interface PoissonLoad {
  readonly url: string;
  readonly headers: Record<string, string>;
  /** Mean arrivals per second. */
  readonly rate: number;
  readonly durationSec: number;
  /** The body of the next request. */
  nextBody(): string;
}

export interface LoadResult {
  readonly sent: number;
  /** Responses with status 200 or 202. */
  readonly accepted: number;
  readonly httpP99Ms: number;
}

/**
 * Open-loop load with Poisson arrivals: each request leaves at its own exponentially distributed interval, whether or
 * not earlier ones were answered, as independent customs systems send. A closed-loop tool with a per-second quota
 * (autocannon's `overallRate`) sends each second's requests in one burst at the start of the second, so latency at
 * a "rate" measured that way is the time to work through a burst, not the latency at that rate.
 */
export async function poissonLoad(o: PoissonLoad): Promise<LoadResult> {
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let accepted = 0;
  let sent = 0;
  const send = (): void => {
    const began = performance.now();
    sent++;
    const request = fetch(o.url, { method: 'POST', headers: o.headers, body: o.nextBody() })
      .then(async (res) => {
        await res.arrayBuffer();
        latencies.push(performance.now() - began);
        if (res.status === 200 || res.status === 202) accepted++;
      }, () => undefined)
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };
  const start = performance.now();
  const end = start + o.durationSec * 1000;
  let due = start;
  for (;;) {
    const now = performance.now();
    if (now >= end) break;
    while (due <= now) {
      send();
      due += (-Math.log(1 - Math.random()) * 1000) / o.rate;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(due, end) - performance.now())));
  }
  await Promise.all(inFlight);
  return { sent, accepted, httpP99Ms: Math.round(quantile(latencies, 0.99) * 10) / 10 };
}
