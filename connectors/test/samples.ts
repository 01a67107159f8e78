import { completeTckn, completeVkn, type RegistryName, type RegistryPopulation } from '@tareks/schemas';
import { seedPopulation } from '../src/simulator/seed-population.js';

export const population: RegistryPopulation = seedPopulation({ seed: 11, companies: 30, tradesmen: 12 });

const person = population.persons[0]!;
const company = population.companies.find((c) => c.status === 'ACTIVE')!;
const tradesman = population.tradesmen[0]!;

/** Per registry: a request the registry answers positively, one it answers negatively, and n distinct positive ones. */
export const SAMPLES: Record<RegistryName, { positive: unknown; negative: unknown; many: (n: number) => unknown[] }> = {
  kps: {
    positive: { tckn: person.tckn, firstName: person.firstName.toLowerCase(), lastName: person.lastName, birthYear: person.birthYear },
    negative: { tckn: person.tckn, firstName: 'Başka', lastName: person.lastName, birthYear: person.birthYear },
    many: (n) =>
      Array.from({ length: n }, (_, i) => {
        const p = population.persons[i % population.persons.length]!;
        return { tckn: p.tckn, firstName: p.firstName, lastName: p.lastName, birthYear: p.birthYear };
      }),
  },
  mersis: {
    positive: { vkn: company.vkn },
    negative: { vkn: completeVkn('999999990') },
    many: (n) => Array.from({ length: n }, (_, i) => ({ mersisNo: population.companies[i % population.companies.length]!.mersisNo })),
  },
  esbis: {
    positive: { tckn: tradesman.tckn },
    negative: { tckn: completeTckn('999999990') },
    many: (n) => Array.from({ length: n }, (_, i) => ({ tckn: population.tradesmen[i % population.tradesmen.length]!.tckn })),
  },
};
