import { describe, expect, it } from 'vitest';
import type { AuthorizationRequest, Company, Tradesman } from '@tareks/schemas';
import { confirmedTraderKeys, decideAuthorization, statedTraderKeys, validOn, withGrant, type AuthorizationFacts, type SignatureVerdict } from '../../src/authorization/index.js';

const now = new Date('2026-06-01T12:00:00Z');
const TCKN = '17291716060';
const req: AuthorizationRequest = {
  requestId: 'REQ-0001',
  applicant: { tckn: TCKN, firstName: 'Ayşe', lastName: 'Yılmaz', birthYear: 1980 },
  trader: { taxId: '4540536920' },
  role: 'COMPANY_OFFICER',
  validUntil: '2027-06-01',
};
const signed: SignatureVerdict = { ok: true, signerTckn: TCKN, signerSubject: 'CN=Ayşe', signedContent: '{}' };
const company = (over: Partial<Company> = {}): Company => ({
  vkn: '4540536920', mersisNo: '0454053692000001', title: 'Deneme A.Ş.', status: 'ACTIVE', establishedOn: '2001-02-03', naceCodes: [],
  address: { city: 'İstanbul', district: 'Kadıköy', line: '1. Sokak' },
  representatives: [{ tckn: TCKN, authority: 'SOLE', validUntil: '2030-01-01' }],
  ...over,
});
const firm = (c?: Company): AuthorizationFacts => ({
  identity: { status: 'ok', result: { tckn: TCKN, verified: true } },
  company: { status: 'ok', result: c ? { found: true, company: c } : { found: false } },
});
const tradesman: Tradesman = { tckn: TCKN, esbisNo: 'ES12345678', trade: 'Terzi', chamber: 'Oda', status: 'ACTIVE', registeredOn: '2010-01-01' };
const shop = (t?: Tradesman): AuthorizationFacts => ({
  identity: { status: 'ok', result: { tckn: TCKN, verified: true } },
  tradesman: { status: 'ok', result: t ? { found: true, tradesman: t } : { found: false } },
});

describe('authorization decision', () => {
  it.each([
    ['sole representative of an active firm', req, signed, firm(company()), 'APPROVED', ['AUTHORISED_REPRESENTATIVE']],
    ['the tradesman himself', { ...req, trader: { taxId: TCKN } }, signed, shop(tradesman), 'APPROVED', ['TRADESMAN_HIMSELF']],
    ['signature refused', req, { ok: false, code: 'CERT_EXPIRED', detail: '' } as const, firm(company()), 'REJECTED', ['CERT_EXPIRED']],
    ['signed by someone else', req, { ...signed, signerTckn: '10000000146' }, firm(company()), 'REJECTED', ['SIGNER_TCKN_MISMATCH']],
    ['validity end in the past', { ...req, validUntil: '2026-05-31' }, signed, firm(company()), 'REJECTED', ['VALIDITY_INVALID']],
    ['validity beyond three years', { ...req, validUntil: '2030-01-01' }, signed, firm(company()), 'REJECTED', ['VALIDITY_INVALID']],
    ['identity mismatch', req, signed, { ...firm(company()), identity: { status: 'ok', result: { tckn: TCKN, verified: false } } }, 'REJECTED', ['IDENTITY_MISMATCH']],
    ['firm not registered', req, signed, firm(), 'REJECTED', ['TRADER_NOT_REGISTERED']],
    ['firm closed', req, signed, firm(company({ status: 'CLOSED' })), 'REJECTED', ['TRADER_CLOSED']],
    ['applicant not a representative', req, signed, firm(company({ representatives: [] })), 'REJECTED', ['NOT_A_REPRESENTATIVE']],
    ['authority ends before the requested end', req, signed, firm(company({ representatives: [{ tckn: TCKN, authority: 'SOLE', validUntil: '2027-01-01' }] })), 'REJECTED', ['AUTHORITY_ENDS_BEFORE_VALIDITY']],
    ['joint authority', req, signed, firm(company({ representatives: [{ tckn: TCKN, authority: 'JOINT', validUntil: '2030-01-01' }] })), 'MANUAL_REVIEW', ['AUTHORITY_NOT_SOLE']],
    ['firm in liquidation', req, signed, firm(company({ status: 'IN_LIQUIDATION' })), 'MANUAL_REVIEW', ['TRADER_IN_LIQUIDATION']],
    ['an employee not listed in MERSİS', { ...req, role: 'EMPLOYEE' as const }, signed, firm(company({ representatives: [] })), 'MANUAL_REVIEW', ['DELEGATION_NEEDS_REVIEW']],
    ['registry unavailable', req, signed, { ...firm(company()), company: { status: 'unavailable', code: 'CONN_ERR_REGISTRY_UNAVAILABLE' } as const }, 'MANUAL_REVIEW', ['REGISTRY_UNAVAILABLE']],
    ['no tradesman record', { ...req, trader: { taxId: TCKN } }, signed, shop(), 'REJECTED', ['TRADESMAN_NOT_FOUND']],
    ['someone acting for a tradesman', { ...req, trader: { taxId: TCKN } }, signed, shop({ ...tradesman, tckn: '10000000146' }), 'MANUAL_REVIEW', ['DELEGATION_NEEDS_REVIEW']],
  ] as const)('%s', (_n, request, signature, facts, status, codes) => {
    const r = decideAuthorization(request as AuthorizationRequest, signature as SignatureVerdict, facts as AuthorizationFacts, now);
    expect(r.status).toBe(status);
    expect(r.reasons.map((x) => x.code)).toEqual(codes);
    for (const x of r.reasons) expect(x.text.tr.length * x.text.en.length).toBeGreaterThan(0);
  });

  it('declarations: grants are indexed under the registry-confirmed ids, and count while valid', () => {
    expect(confirmedTraderKeys(firm(company()))).toEqual(['vkn_4540536920', 'mersis_0454053692000001']);
    expect(confirmedTraderKeys(shop(tradesman))).toEqual(['tckn_17291716060', 'esbis_ES12345678']);
    expect(confirmedTraderKeys(firm())).toEqual([]);
    expect(statedTraderKeys({ taxId: '4540536920', mersisNo: '0454053692000001' })).toEqual(['vkn_4540536920', 'mersis_0454053692000001']);
    expect(statedTraderKeys({ taxId: TCKN, esbisNo: 'ES12345678' })).toEqual(['tckn_17291716060', 'esbis_ES12345678']);
    const grants = withGrant([{ requestId: 'OLD-00001', validUntil: '2026-01-01' }], { requestId: 'REQ-0001', validUntil: '2027-06-01' }, '2026-06-01');
    expect(grants).toEqual([{ requestId: 'REQ-0001', validUntil: '2027-06-01' }]);
    expect(validOn(grants, '2027-06-01')).toBe(true);
    expect(validOn(grants, '2027-06-02')).toBe(false);
  });
});
