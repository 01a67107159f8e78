import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { seedPopulation, startConnectorServices, startRegistrySimulators, type ConnectorServices, type RegistrySimulators } from '@tareks/connectors';
import type { AuthorizationRequest, Person } from '@tareks/schemas';
import { authorizeRequest, loadTrustStore, verifyDetachedJws, type TrustStore } from '../../src/authorization/index.js';
import { makeIntermediate, makePerson, makeRoot, type Issued } from './pki.js';
import { signJws } from './signing.js';

const population = seedPopulation({ seed: 21, companies: 30, tradesmen: 10 });
const ns = `t_${randomBytes(5).toString('hex')}`;
const fast = { timeoutMs: 3_000, retries: 0, breakerThreshold: 100 };
let nc: NatsConnection;
let redis: Redis;
let sims: RegistrySimulators;
let services: ConnectorServices;
let trust: TrustStore;
let issuing: Issued;

beforeAll(async () => {
  nc = await connect({ servers: '127.0.0.1:4222' });
  redis = new Redis({ host: '127.0.0.1', port: 6379 });
  sims = await startRegistrySimulators({ population, env: {} });
  services = await startConnectorServices({
    nc, redis, ns, logger: pino({ level: 'silent' }), env: {},
    config: { kps: { ...fast, url: sims.urls.kps }, mersis: { ...fast, url: sims.urls.mersis }, esbis: { ...fast, url: sims.urls.esbis } },
  });
  const root = await makeRoot('Test Kök');
  issuing = await makeIntermediate(root, 'Test Nitelikli');
  trust = loadTrustStore(root.pem);
}, 120_000);
afterAll(async () => {
  await services.stop();
  await sims.close();
  const keys = await redis.keys(`${ns}:conn:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await nc.drain();
});

const person = (tckn: string): Person => population.persons.find((p) => p.tckn === tckn)!;
const inOneYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

async function submit(applicant: Person, trader: AuthorizationRequest['trader'], role: AuthorizationRequest['role'] = 'COMPANY_OFFICER') {
  const request: AuthorizationRequest = {
    requestId: `REQ-${randomBytes(4).toString('hex')}`,
    applicant: { tckn: applicant.tckn, firstName: applicant.firstName, lastName: applicant.lastName, birthYear: applicant.birthYear },
    trader,
    role,
    validUntil: inOneYear,
  };
  const cert = await makePerson(issuing, applicant.tckn);
  const verdict = await verifyDetachedJws(request, signJws(request, cert, [issuing]), trust, new Date());
  return authorizeRequest(request, verdict, 'JWS', { nc, ns, timeoutMs: 10_000 });
}

describe('digital authorization end to end (signature, KPS, MERSİS / ESBİS over NATS)', () => {
  it('approves the sole representative of an active firm', async () => {
    const c = population.companies.find((x) => x.status === 'ACTIVE' && x.representatives[0]!.validUntil > inOneYear)!;
    const record = await submit(person(c.representatives[0]!.tckn), { taxId: c.vkn });
    expect(record.result).toMatchObject({ status: 'APPROVED', reasons: [{ code: 'AUTHORISED_REPRESENTATIVE' }] });
    expect(record.signature).toMatchObject({ method: 'JWS', signerTckn: c.representatives[0]!.tckn });
  });

  it('rejects a person acting for a closed firm, with coded TR/EN reasons', async () => {
    const c = population.companies.find((x) => x.status === 'CLOSED')!;
    const record = await submit(person(c.representatives[0]!.tckn), { mersisNo: c.mersisNo });
    expect(record.result.status).toBe('REJECTED');
    expect(record.result.reasons[0]).toMatchObject({ code: 'TRADER_CLOSED', text: { tr: 'Firma kaydı kapanmış', en: 'Trader is closed' } });
  });

  it('sends an employee who is not a representative, or a registry outage, to manual review', async () => {
    const c = population.companies.find((x) => x.status === 'ACTIVE')!;
    const outsider = population.persons.find((p) => !c.representatives.some((r) => r.tckn === p.tckn))!;
    expect((await submit(outsider, { taxId: c.vkn }, 'EMPLOYEE')).result).toMatchObject({ status: 'MANUAL_REVIEW', reasons: [{ code: 'DELEGATION_NEEDS_REVIEW' }] });
    sims.mersis.faults.set({ outage: true });
    try {
      const other = population.companies.find((x) => x.status === 'ACTIVE' && x.vkn !== c.vkn)!;
      const record = await submit(person(other.representatives[0]!.tckn), { taxId: other.vkn });
      expect(record.result).toMatchObject({ status: 'MANUAL_REVIEW', reasons: [{ code: 'REGISTRY_UNAVAILABLE' }] });
    } finally {
      sims.mersis.faults.reset();
    }
  });

  it('approves a tradesman acting for himself', async () => {
    const t = population.tradesmen.find((x) => x.status === 'ACTIVE')!;
    expect((await submit(person(t.tckn), { taxId: t.tckn })).result.status).toBe('APPROVED');
  });
});
