import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizationRequest, Person } from '@tareks/schemas';
import { authorizeRequest, verifyDetachedJws } from '../../src/authorization/index.js';
import { requestOf, startAuthorizationHarness, type AuthorizationHarness } from './authorization.harness.js';
import { signJws } from './signing.js';

let h: AuthorizationHarness;
beforeAll(async () => {
  h = await startAuthorizationHarness();
}, 120_000);
afterAll(async () => {
  await h?.dispose();
});

const person = (tckn: string): Person => h.population.persons.find((p) => p.tckn === tckn)!;

/** The library path alone: verify the JWS, then decide against the registries over NATS. */
async function submit(applicant: Person, trader: AuthorizationRequest['trader'], role: AuthorizationRequest['role'] = 'COMPANY_OFFICER') {
  const request = requestOf(applicant, trader, role);
  const cert = await h.certificateFor(applicant.tckn);
  const verdict = await verifyDetachedJws(request, signJws(request, cert, [h.issuing]), h.trust, new Date());
  return (await authorizeRequest(request, verdict, 'JWS', { nc: h.nc, ns: h.names.ns, timeoutMs: 10_000 })).record;
}

describe('digital authorization end to end (signature, KPS, MERSİS / ESBİS over NATS)', () => {
  it('approves the sole representative of an active firm', async () => {
    const c = h.population.companies.find((x) => x.status === 'ACTIVE' && x.representatives[0]!.authority === 'SOLE' && x.representatives[0]!.validUntil > '2028-01-01')!;
    const record = await submit(person(c.representatives[0]!.tckn), { taxId: c.vkn });
    expect(record.result).toMatchObject({ status: 'APPROVED', reasons: [{ code: 'AUTHORISED_REPRESENTATIVE' }] });
    expect(record.signature).toMatchObject({ method: 'JWS', signerTckn: c.representatives[0]!.tckn });
  });

  it('rejects a person acting for a closed firm, with coded TR/EN reasons', async () => {
    const c = h.population.companies.find((x) => x.status === 'CLOSED')!;
    const record = await submit(person(c.representatives[0]!.tckn), { mersisNo: c.mersisNo });
    expect(record.result.status).toBe('REJECTED');
    expect(record.result.reasons[0]).toMatchObject({ code: 'TRADER_CLOSED', text: { tr: 'Firma kaydı kapanmış', en: 'Trader is closed' } });
  });

  it('sends an employee who is not a representative, or a registry outage, to manual review', async () => {
    const c = h.population.companies.find((x) => x.status === 'ACTIVE')!;
    const outsider = h.population.persons.find((p) => !c.representatives.some((r) => r.tckn === p.tckn))!;
    expect((await submit(outsider, { taxId: c.vkn }, 'EMPLOYEE')).result).toMatchObject({ status: 'MANUAL_REVIEW', reasons: [{ code: 'DELEGATION_NEEDS_REVIEW' }] });
    h.sims.mersis.faults.set({ outage: true });
    try {
      const other = h.population.companies.find((x) => x.status === 'ACTIVE' && x.vkn !== c.vkn)!;
      const record = await submit(person(other.representatives[0]!.tckn), { taxId: other.vkn });
      expect(record.result).toMatchObject({ status: 'MANUAL_REVIEW', reasons: [{ code: 'REGISTRY_UNAVAILABLE' }] });
    } finally {
      h.sims.mersis.faults.reset();
    }
  });

  it('approves a tradesman acting for himself', async () => {
    const t = h.population.tradesmen.find((x) => x.status === 'ACTIVE')!;
    expect((await submit(person(t.tckn), { taxId: t.tckn })).result.status).toBe('APPROVED');
  });
});
