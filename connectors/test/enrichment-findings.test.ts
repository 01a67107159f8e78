import { describe, expect, it } from 'vitest';
import type { Company, Person, Tradesman } from '@tareks/schemas';
import { esbisFinding, esbisRequestOf } from '../src/enrichment/esbis.step.js';
import { kpsFinding, kpsRequestOf } from '../src/enrichment/kps.step.js';
import { mersisFinding, mersisRequestOf } from '../src/enrichment/mersis.step.js';
import { declarationFor } from './declarations.js';

const rep: Person = { tckn: '17291716060', firstName: 'Ayşe', lastName: 'Yılmaz', birthYear: 1980, alive: true };
const company: Company = {
  vkn: '4540536920', mersisNo: '0454053692000001', title: 'Deneme A.Ş.', status: 'ACTIVE', establishedOn: '2001-02-03', naceCodes: ['46.49'],
  address: { city: 'İstanbul', district: 'Kadıköy', line: '1. Sokak' },
  representatives: [{ tckn: rep.tckn, authority: 'SOLE', validUntil: '2030-01-01' }],
};
const tradesman: Tradesman = { tckn: rep.tckn, esbisNo: 'ES12345678', trade: 'Terzi', chamber: 'Oda', status: 'ACTIVE', registeredOn: '2010-01-01' };

describe('enrichment findings (pure)', () => {
  it('routes a declaration to the registries that apply', () => {
    const firm = declarationFor({ taxId: company.vkn }, rep);
    const sole = declarationFor({ taxId: rep.tckn }, rep);
    expect(kpsRequestOf(firm)).toEqual({ tckn: rep.tckn, firstName: 'Ayşe', lastName: 'Yılmaz', birthYear: 1980 });
    expect(mersisRequestOf(firm)).toEqual({ vkn: company.vkn });
    expect(mersisRequestOf(declarationFor({ taxId: company.vkn, mersisNo: company.mersisNo }, rep))).toEqual({ mersisNo: company.mersisNo });
    expect(mersisRequestOf(sole)).toBeUndefined();
    expect(esbisRequestOf(sole)).toEqual({ tckn: rep.tckn });
    expect(esbisRequestOf(firm)).toBeUndefined();
    expect(esbisRequestOf(declarationFor({ taxId: company.vkn, esbisNo: 'ES12345678' }, rep))).toEqual({ vkn: company.vkn });
  });

  it.each([
    ['verified identity', true, []],
    ['identity mismatch', false, ['IDENTITY_MISMATCH']],
  ])('kps: %s', (_n, verified, flags) => {
    expect(kpsFinding({ tckn: rep.tckn, verified }, 1)).toMatchObject({ step: 'kps', status: 'OK', flags });
  });

  const firm = declarationFor({ taxId: company.vkn }, rep);
  const other: Person = { ...rep, tckn: '10000000146' };
  it.each([
    ['active firm, listed representative', company, firm, 'OK', []],
    ['not registered', undefined, firm, 'NOT_FOUND', ['TRADER_NOT_REGISTERED']],
    ['closed', { ...company, status: 'CLOSED' }, firm, 'OK', ['TRADER_CLOSED']],
    ['in liquidation', { ...company, status: 'IN_LIQUIDATION' }, firm, 'OK', ['TRADER_IN_LIQUIDATION']],
    ['representative not listed', company, declarationFor({ taxId: company.vkn }, other), 'OK', ['REPRESENTATIVE_NOT_AUTHORISED']],
    ['authority expired before the declaration', { ...company, representatives: [{ tckn: rep.tckn, authority: 'SOLE', validUntil: '2026-02-28' }] }, firm, 'OK', ['REPRESENTATIVE_NOT_AUTHORISED']],
    ['MERSİS no of another firm', company, declarationFor({ taxId: '0010000009', mersisNo: company.mersisNo }, rep), 'OK', ['TRADER_ID_MISMATCH']],
  ] as const)('mersis: %s', (_n, c, d, status, flags) => {
    const f = mersisFinding(d, c ? { found: true, company: c as Company } : { found: false }, 1);
    expect(f.status).toBe(status);
    expect(f.flags).toEqual(flags);
  });

  it('a representative not listed in the registry is authorised by an approved digital authorization', () => {
    const byBroker = declarationFor({ taxId: company.vkn }, other);
    expect(mersisFinding(byBroker, { found: true, company }, 1, true)).toMatchObject({ flags: [], data: { representativeAuthority: 'AUTHORIZATION' } });
    const forTradesman = declarationFor({ taxId: rep.tckn }, other);
    expect(esbisFinding(forTradesman, { found: true, tradesman }, 1, true)).toMatchObject({ flags: [], data: { actingBy: 'AUTHORIZATION' } });
  });

  const sole = declarationFor({ taxId: rep.tckn }, rep);
  it.each([
    ['active tradesman acting himself', tradesman, sole, 'OK', []],
    ['no record', undefined, sole, 'NOT_FOUND', ['TRADESMAN_NOT_FOUND']],
    ['closed', { ...tradesman, status: 'CLOSED' }, sole, 'OK', ['TRADER_CLOSED']],
    ['someone else acting', tradesman, declarationFor({ taxId: rep.tckn }, other), 'OK', ['REPRESENTATIVE_NOT_AUTHORISED']],
  ] as const)('esbis: %s', (_n, t, d, status, flags) => {
    const f = esbisFinding(d, t ? { found: true, tradesman: t as Tradesman } : { found: false }, 1);
    expect(f.status).toBe(status);
    expect(f.flags).toEqual(flags);
  });
});
