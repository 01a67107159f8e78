import { describe, expect, it } from 'vitest';
import { isValidTaxId, isValidTckn, validateDeclaration } from '@tareks/schemas';
import { createWorld, Rng } from '@tareks/scoring';

describe('synthetic world', () => {
  const world = createWorld({ seed: 7, traders: 120 });

  it('builds a registry population whose identifiers carry valid check digits', () => {
    const { persons, companies, tradesmen } = world.population;
    expect(persons.every((p) => isValidTckn(p.tckn))).toBe(true);
    expect(companies.every((c) => isValidTaxId(c.vkn) && c.vkn.length === 10 && /^[0-9]{16}$/.test(c.mersisNo))).toBe(true);
    expect(companies.some((c) => c.status === 'CLOSED' || c.status === 'IN_LIQUIDATION')).toBe(true);
    const personIds = new Set(persons.map((p) => p.tckn));
    expect(tradesmen.every((t) => personIds.has(t.tckn))).toBe(true);
    expect(companies.flatMap((c) => c.representatives).every((r) => personIds.has(r.tckn))).toBe(true);
  });

  it('has sole proprietors trading under their TCKN and some traders the registries do not know', () => {
    expect(world.traders.some((t) => t.form === 'SOLE_PROPRIETOR' && t.taxId.length === 11 && t.esbisNo)).toBe(true);
    expect(world.traders.some((t) => t.standing === 'UNREGISTERED')).toBe(true);
  });

  it('produces declarations that pass the edge validation, with consistent names and truth per item', () => {
    const persons = new Map(world.population.persons.map((p) => [p.tckn, p]));
    for (let i = 0; i < 500; i++) {
      const { declaration, truth } = world.nextDeclaration(new Date(Date.UTC(2025, 5, 2, 9, i % 60)));
      const v = validateDeclaration(declaration);
      expect(v.ok ? [] : v.errors).toEqual([]);
      expect(declaration.id).toMatch(/^[0-9]{8}[A-Z]{2}[0-9A-Z]{6}$/);
      const rep = persons.get(declaration.representative.tckn)!;
      expect([rep.firstName, rep.lastName, rep.birthYear]).toEqual([
        declaration.representative.firstName, declaration.representative.lastName, declaration.representative.birthYear,
      ]);
      expect(world.findTrader(declaration.trader.taxId)?.name).toBe(declaration.trader.name);
      expect([...truth.keys()]).toEqual(declaration.items.map((it) => it.itemNo));
    }
  });

  it('is deterministic for a seed, and an explicit rng drives the draw', () => {
    const at = new Date('2025-03-03T10:00:00Z');
    const a = createWorld({ seed: 3, traders: 50 }).nextDeclaration(at, new Rng(9));
    const b = createWorld({ seed: 3, traders: 50 }).nextDeclaration(at, new Rng(9));
    expect(a.declaration).toEqual(b.declaration);
    expect([...a.truth]).toEqual([...b.truth]);
  });
});
