import { Type, type Static } from 'typebox';

export const FaultKnobs = Type.Object(
  {
    latencyMs: Type.Number({ minimum: 0, maximum: 600_000, description: 'Delay added to every reply, in ms' }),
    errorRate: Type.Number({ minimum: 0, maximum: 1, description: 'Share of calls answered with a server error / SOAP Fault' }),
    malformedRate: Type.Number({ minimum: 0, maximum: 1, description: 'Share of calls answered with a malformed body' }),
    outage: Type.Boolean({ description: 'Answer every call with 503' }),
  },
  { additionalProperties: false },
);
export type FaultKnobs = Static<typeof FaultKnobs>;
export const FaultKnobsPatch = Type.Partial(FaultKnobs);

export const NO_FAULTS: FaultKnobs = { latencyMs: 0, errorRate: 0, malformedRate: 0, outage: false };

export type FaultOutcome = 'ok' | 'error' | 'malformed' | 'outage';

/** The fault settings of one simulator, changed at run time by tests, the admin endpoint or env. */
export class FaultState {
  private knobs: FaultKnobs;

  constructor(initial: Partial<FaultKnobs> = {}, private readonly random: () => number = Math.random) {
    this.knobs = { ...NO_FAULTS, ...initial };
  }

  get(): FaultKnobs {
    return { ...this.knobs };
  }

  set(patch: Partial<FaultKnobs>): FaultKnobs {
    this.knobs = { ...this.knobs, ...patch };
    return this.get();
  }

  reset(): FaultKnobs {
    this.knobs = { ...NO_FAULTS };
    return this.get();
  }

  /** What the next call gets; rates of exactly 0 and 1 are deterministic. */
  draw(): FaultOutcome {
    const k = this.knobs;
    if (k.outage) return 'outage';
    if (k.errorRate > 0 && this.random() < k.errorRate) return 'error';
    if (k.malformedRate > 0 && this.random() < k.malformedRate) return 'malformed';
    return 'ok';
  }
}

/** Knobs from the `<PREFIX>_SIM_*` settings of a connector's config. */
export const knobsFromConfig = (c: { simLatencyMs: number; simErrorRate: number; simMalformedRate: number; simOutage: number }): FaultKnobs => ({
  latencyMs: c.simLatencyMs,
  errorRate: c.simErrorRate,
  malformedRate: c.simMalformedRate,
  outage: c.simOutage > 0,
});
