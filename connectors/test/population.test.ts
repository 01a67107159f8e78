import { describe, expect, it } from 'vitest';
import { RegistryPopulation, compile } from '@tareks/schemas';
import { turkishUpper } from '../src/shared/turkish.js';
import { seedPopulation } from '../src/simulator/seed-population.js';

const valid = compile<RegistryPopulation>(RegistryPopulation);

describe('seeded registry population', () => {
  it('is a valid RegistryPopulation (check digits included), the same for the same seed', () => {
    const a = seedPopulation({ seed: 3 });
    const v = valid(a);
    expect(v.ok ? [] : v.errors).toEqual([]);
    expect(seedPopulation({ seed: 3 })).toEqual(a);
    expect(seedPopulation({ seed: 4 })).not.toEqual(a);
  });

  it('has every status the enrichment must recognise, and every representative is a person', () => {
    const p = seedPopulation({ seed: 3 });
    const statuses = new Set(p.companies.map((c) => c.status));
    for (const s of ['ACTIVE', 'IN_LIQUIDATION', 'CLOSED', 'SUSPENDED']) expect(statuses.has(s as never)).toBe(true);
    expect(p.tradesmen.some((t) => t.status === 'CLOSED')).toBe(true);
    const people = new Set(p.persons.map((x) => x.tckn));
    for (const c of p.companies) for (const r of c.representatives) expect(people.has(r.tckn)).toBe(true);
  });
});

describe('Turkish upper-casing', () => {
  it.each([
    ['ismail', 'İSMAİL'],
    ['ışıl', 'IŞIL'],
    ['  çağrı   gülşen ', 'ÇAĞRI GÜLŞEN'],
    ['İNCE', 'İNCE'],
  ])('%s → %s', (input, expected) => expect(turkishUpper(input)).toBe(expected));
});
