import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JetStreamClient } from '@nats-io/jetstream';
import { AUTHORIZATION_ERROR_CODES } from '@tareks/adapters';
import { registryEnrichmentSteps } from '@tareks/connectors';
import { createWorld } from '@tareks/scoring';
import type { AuditRecord, AuthorizationRecord, AuthorizationRequest, Person } from '@tareks/schemas';
import Fastify from 'fastify';
import type { Authenticator } from '../../src/auth/principal.js';
import { AUTHORIZATION_AUDIT_ACTION, authorizationReviewRoutes, seedDemoAuthorizations } from '../../src/authorization/index.js';
import { requestOf, startAuthorizationHarness, type AuthorizationHarness } from './authorization.harness.js';
import { signJws } from './signing.js';

/** Every message of a stream on `subject`, read with an ordered consumer. */
async function readAll<T>(js: JetStreamClient, stream: string, subject: string): Promise<T[]> {
  const consumer = await js.consumers.get(stream, { filter_subjects: subject });
  const pending = (await consumer.info()).num_pending;
  const out: T[] = [];
  if (pending === 0) return out;
  for await (const m of await consumer.fetch({ max_messages: pending })) {
    out.push(m.json<T>());
    if (m.info.pending === 0) break;
  }
  return out;
}

const ctx = { clientId: 'broker-system', protocol: 'REST' } as const;

describe('authorization service: KV store, stream, audit, idempotency', () => {
  let h: AuthorizationHarness;
  beforeAll(async () => {
    h = await startAuthorizationHarness();
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const person = (tckn: string): Person => h.population.persons.find((p) => p.tckn === tckn)!;
  const soleRepresentative = () => h.population.companies.find((c) => c.status === 'ACTIVE' && c.representatives[0]!.validUntil > '2028-01-01')!;
  const signed = async (request: AuthorizationRequest) => ({ method: 'JWS' as const, request, jws: signJws(request, await h.certificateFor(request.applicant.tckn), [h.issuing]) });

  it('stores an approval, publishes it on <ns>.auth.APPROVED, audits it, and shows it only to the relaying client', async () => {
    const c = soleRepresentative();
    const request = requestOf(person(c.representatives[0]!.tckn), { taxId: c.vkn });
    const { record, duplicate } = await h.service.submit(await signed(request), ctx);
    expect(duplicate).toBe(false);
    expect(record.result).toMatchObject({ status: 'APPROVED', reasons: [{ code: 'AUTHORISED_REPRESENTATIVE' }] });
    expect(await h.service.get(request.requestId, ctx.clientId)).toEqual(record);
    expect(await h.service.get(request.requestId, 'someone-else')).toBeNull();

    const published = await readAll<AuthorizationRecord>(h.js, h.names.streams.authorizations, h.names.subjects.authorization('APPROVED'));
    expect(published.filter((r) => r.request.requestId === request.requestId)).toEqual([record]);
    const audits = await readAll<AuditRecord>(h.js, h.names.streams.audit, h.names.subjects.audit(AUTHORIZATION_AUDIT_ACTION));
    expect(audits.filter((a) => a.target === request.requestId)).toMatchObject([
      { actor: { kind: 'api-client', id: ctx.clientId }, result: 'APPROVED', details: { reasons: ['AUTHORISED_REPRESENTATIVE'], applicantTckn: request.applicant.tckn } },
    ]);
  });

  it('answers a resubmission with the stored decision, deciding and announcing nothing again', async () => {
    const c = soleRepresentative();
    const request = requestOf(person(c.representatives[0]!.tckn), { mersisNo: c.mersisNo });
    const first = await h.service.submit(await signed(request), ctx);
    const again = await h.service.submit(await signed({ ...request }), { clientId: 'other-relay', protocol: 'SOAP' });
    expect(again).toEqual({ record: first.record, duplicate: true });
    const published = await readAll<AuthorizationRecord>(h.js, h.names.streams.authorizations, h.names.subjects.authorizationAll);
    expect(published.filter((r) => r.request.requestId === request.requestId)).toHaveLength(1);
  });

  it('refuses a different request under a requestId the applicant already signed', async () => {
    const c = soleRepresentative();
    const request = requestOf(person(c.representatives[0]!.tckn), { taxId: c.vkn });
    await h.service.submit(await signed(request), ctx);
    const changed = { ...request, role: 'EMPLOYEE' as const };
    await expect(h.service.submit(await signed(changed), ctx)).rejects.toMatchObject({ code: AUTHORIZATION_ERROR_CODES.conflict, httpStatus: 409 });
  });

  it('lets a signed request replace an unauthenticated refusal that claimed its requestId', async () => {
    const c = soleRepresentative();
    const request = requestOf(person(c.representatives[0]!.tckn), { taxId: c.vkn });
    const unsigned = await h.service.submit({ method: 'JWS', request, jws: '' }, { clientId: 'squatter', protocol: 'REST' });
    expect(unsigned.record.result).toMatchObject({ status: 'REJECTED', reasons: [{ code: 'SIGNATURE_MISSING' }] });
    const real = await h.service.submit(await signed(request), ctx);
    expect(real).toMatchObject({ duplicate: false, record: { result: { status: 'APPROVED' } } });
    expect(await h.service.get(request.requestId, 'squatter')).toBeNull();
  });

  it('a person resolves a manual review; an approval then counts for declarations, and is audited under the reviewer', async () => {
    const c = soleRepresentative();
    const employee = h.population.persons.find((p) => !c.representatives.some((r) => r.tckn === p.tckn))!;
    const request = requestOf(employee, { taxId: c.vkn }, 'EMPLOYEE');
    const { record } = await h.service.submit(await signed(request), ctx);
    expect(record.result.status).toBe('MANUAL_REVIEW');
    const declaration = createWorld({ seed: 5, traders: 20, withDocuments: false }).nextDeclaration(new Date()).declaration;
    const lodged = () => h.store.holdsAuthorization({ ...declaration, trader: { taxId: c.vkn, name: c.title }, representative: { ...declaration.representative, tckn: employee.tckn } });
    expect(await lodged()).toBe(false);

    const reviewer = { kind: 'user', id: 'inspector-1' } as const;
    const reviewed = await h.service.resolveReview(request.requestId, 'APPROVED', reviewer, 'firma yazısı görüldü');
    expect(reviewed.result.reasons.map((r) => r.code)).toEqual(['DELEGATION_NEEDS_REVIEW', 'REVIEW_APPROVED']);
    expect(await h.service.get(request.requestId, ctx.clientId)).toEqual(reviewed);
    expect(await lodged()).toBe(true);
    await expect(h.service.resolveReview(request.requestId, 'REJECTED', reviewer)).rejects.toMatchObject({ code: AUTHORIZATION_ERROR_CODES.notInReview, httpStatus: 409 });
    await expect(h.service.resolveReview('REQ-unknown-1', 'REJECTED', reviewer)).rejects.toMatchObject({ code: AUTHORIZATION_ERROR_CODES.notFound, httpStatus: 404 });
    const audits = await readAll<AuditRecord>(h.js, h.names.streams.audit, h.names.subjects.audit(AUTHORIZATION_AUDIT_ACTION));
    expect(audits.filter((a) => a.target === request.requestId).map((a) => [a.actor.id, a.result, a.details.review])).toEqual([
      [ctx.clientId, 'MANUAL_REVIEW', undefined],
      ['inspector-1', 'APPROVED', { note: 'firma yazısı görüldü' }],
    ]);
  });

  it('admins resolve a manual review over the admin API; others are refused', async () => {
    const c = soleRepresentative();
    const employee = h.population.persons.find((p) => !c.representatives.some((r) => r.tckn === p.tckn) && p.tckn !== c.representatives[0]?.tckn)!;
    const request = { ...requestOf(employee, { taxId: c.vkn }, 'EMPLOYEE'), requestId: 'REQ-review-api-1' };
    expect((await h.service.submit(await signed(request), ctx)).record.result.status).toBe('MANUAL_REVIEW');
    // The hub's authenticator resolves sessions and API keys; here a header names the caller's roles.
    const authenticate: Authenticator = async (req) => {
      const roles = req.headers['x-roles'];
      return typeof roles === 'string' ? { kind: 'user', id: 'reviewer-1', roles: roles.split(',') as never } : null;
    };
    const app = Fastify();
    await app.register(authorizationReviewRoutes, { prefix: '/v1/admin/authorizations', authenticate, authorizations: h.service });
    try {
      const review = (roles?: string, body: unknown = { status: 'APPROVED', note: 'yetki belgesi görüldü' }) =>
        app.inject({ method: 'POST', url: `/v1/admin/authorizations/${request.requestId}/review`, headers: roles ? { 'x-roles': roles } : {}, payload: body as object });
      expect((await review()).statusCode).toBe(401);
      expect((await review('inspector')).statusCode).toBe(403);
      expect((await review('admin', { status: 'MAYBE' })).statusCode).toBe(400);
      const ok = await review('admin');
      expect(ok.statusCode).toBe(200);
      expect((ok.json() as AuthorizationRecord).result.status).toBe('APPROVED');
      expect((await review('admin')).statusCode).toBe(409);
    } finally {
      await app.close();
    }
  });

  it('declarations: the approved person holds the authorization under every id the registry confirmed, while it is valid', async () => {
    const c = soleRepresentative();
    const applicant = person(c.representatives[0]!.tckn);
    const request = requestOf(applicant, { mersisNo: c.mersisNo });
    await h.service.submit(await signed(request), ctx);
    const declaration = { ...createWorld({ seed: 3, traders: 20, withDocuments: false }).nextDeclaration(new Date()).declaration };
    const lodged = (tckn: string, on: string, trader = { taxId: c.vkn, name: c.title }) =>
      h.store.holdsAuthorization({ ...declaration, trader, representative: { ...declaration.representative, tckn }, submittedAt: `${on}T10:00:00.000Z` });
    const today = new Date().toISOString().slice(0, 10);
    expect(await lodged(applicant.tckn, today)).toBe(true);
    expect(await lodged(applicant.tckn, request.validUntil)).toBe(true);
    expect(await lodged(applicant.tckn, '2099-01-01')).toBe(false);
    expect(await lodged(h.population.persons.find((p) => p.tckn !== applicant.tckn)!.tckn, today)).toBe(false);
  });
});

describe('demo seeding: brokers of sole proprietors hold authorizations, so ESBİS does not flag them', () => {
  const world = createWorld({ seed: 11, traders: 120, withDocuments: false });
  let h: AuthorizationHarness;
  beforeAll(async () => {
    h = await startAuthorizationHarness(world.population);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('seeds once, then the ESBİS enrichment step accepts the broker by authorization and still flags a stranger', async () => {
    const added = await seedDemoAuthorizations(h.service, world.traders);
    expect(added).toBeGreaterThan(0);
    expect(await seedDemoAuthorizations(h.service, world.traders)).toBe(0);

    const trader = world.traders.find((t) => t.form === 'SOLE_PROPRIETOR' && t.standing === 'REGISTERED')!;
    const broker = trader.representatives.find((p) => p.tckn !== trader.taxId)!;
    const stranger = world.brokers.find((b) => !trader.representatives.some((p) => p.tckn === b.person.tckn))!.person;
    const base = world.nextDeclaration(new Date()).declaration;
    const esbis = registryEnrichmentSteps({ nc: h.nc, ns: h.names.ns, timeoutMs: 10_000, holdsAuthorization: h.store.holdsAuthorization }).find((s) => s.name === 'esbis')!;
    const lodgedBy = (p: Person) =>
      esbis.run({ ...base, trader: { taxId: trader.taxId, name: trader.name, esbisNo: trader.esbisNo }, representative: { tckn: p.tckn, firstName: p.firstName, lastName: p.lastName, birthYear: p.birthYear } }, AbortSignal.timeout(20_000));

    const byBroker = await lodgedBy(broker);
    expect(byBroker.flags).not.toContain('REPRESENTATIVE_NOT_AUTHORISED');
    expect(byBroker.data).toMatchObject({ actingBy: 'AUTHORIZATION' });
    expect((await lodgedBy(stranger)).flags).toContain('REPRESENTATIVE_NOT_AUTHORISED');
    const audits = await readAll<AuditRecord>(h.js, h.names.streams.audit, h.names.subjects.audit(AUTHORIZATION_AUDIT_ACTION));
    expect(audits).toHaveLength(added);
    expect(audits[0]).toMatchObject({ actor: { kind: 'system', id: 'demo-seed' }, result: 'APPROVED', details: { reasons: ['DEMO_SEEDED'] } });
  });
});
