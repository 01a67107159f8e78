import type { Strategy } from './strategy.js';

/** Uniform random selection: run it with E = 100, every selected item is drawn by the protocol's PRNG. */
export const randomStrategy = (): Strategy => ({
  name: 'random',
  scoreWeek: () => Promise.resolve(null),
  reveal: () => undefined,
});
