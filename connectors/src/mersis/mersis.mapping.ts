import { AUTHORITY_TYPES, COMPANY_STATUSES, type Company, type MersisCompanyRequest, type MersisCompanyResult } from '@tareks/schemas';
import { ConnectorError } from '../shared/connector.errors.js';
import { xmlEscape } from '../shared/xml.js';
import { MERSIS_ERROR_PREFIX } from './mersis.errors.js';

export const toMersisArgs = (r: MersisCompanyRequest): Record<string, string> =>
  'vkn' in r ? { VergiKimlikNo: r.vkn } : { MersisNo: r.mersisNo };

const malformed = (what: string): ConnectorError => new ConnectorError(MERSIS_ERROR_PREFIX, 'MALFORMED_REPLY', `MERSİS: ${what}`);
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown, what: string): string => {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number') return String(v);
  // node-soap parses xsd:date into Date; the contract is a calendar date.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  throw malformed(`${what} missing`);
};
const oneOf = <T extends string>(v: unknown, allowed: readonly T[], what: string): T => {
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw malformed(`${what} not one of ${allowed.join(', ')}`);
};

type Raw = Record<string, unknown>;

/** FirmaSorgulaResponse (as node-soap parsed it) → result; a missing or mistyped field is a malformed reply. */
export function fromMersisResponse(response: unknown): MersisCompanyResult {
  const r = (response ?? {}) as Raw;
  const found = r['Bulundu'];
  if (found !== true && found !== false && found !== 'true' && found !== 'false') throw malformed('Bulundu missing');
  if (found === false || found === 'false') return { found: false };
  const f = r['Firma'] as Raw | undefined;
  if (!f) throw malformed('Firma missing while Bulundu is true');
  const adres = (f['Adres'] ?? {}) as Raw;
  const company: Company = {
    vkn: str(f['VergiKimlikNo'], 'VergiKimlikNo'),
    mersisNo: str(f['MersisNo'], 'MersisNo'),
    title: str(f['Unvan'], 'Unvan'),
    status: oneOf(f['Durum'], COMPANY_STATUSES, 'Durum'),
    establishedOn: str(f['KurulusTarihi'], 'KurulusTarihi'),
    naceCodes: list(f['NaceKodu'] as string | string[] | undefined).map((n) => str(n, 'NaceKodu')),
    address: { city: str(adres['Il'], 'Adres/Il'), district: str(adres['Ilce'], 'Adres/Ilce'), line: str(adres['AcikAdres'], 'Adres/AcikAdres') },
    representatives: list(f['Yetkili'] as Raw | Raw[] | undefined).map((y) => ({
      tckn: str(y['TCKimlikNo'], 'Yetkili/TCKimlikNo'),
      authority: oneOf(y['YetkiTuru'], AUTHORITY_TYPES, 'Yetkili/YetkiTuru'),
      validUntil: str(y['GecerlilikBitis'], 'Yetkili/GecerlilikBitis'),
    })),
  };
  return { found: true, company };
}

/** Company → FirmaSorgulaResponse body (the simulator's side of the same contract). */
export function toMersisResponseXml(ns: string, company: Company | undefined): string {
  if (!company) return `<FirmaSorgulaResponse xmlns="${ns}"><Bulundu>false</Bulundu></FirmaSorgulaResponse>`;
  const e = (name: string, v: string): string => `<${name}>${xmlEscape(v)}</${name}>`;
  const c = company;
  return (
    `<FirmaSorgulaResponse xmlns="${ns}"><Bulundu>true</Bulundu><Firma>` +
    e('VergiKimlikNo', c.vkn) + e('MersisNo', c.mersisNo) + e('Unvan', c.title) + e('Durum', c.status) + e('KurulusTarihi', c.establishedOn) +
    c.naceCodes.map((n) => e('NaceKodu', n)).join('') +
    `<Adres>${e('Il', c.address.city)}${e('Ilce', c.address.district)}${e('AcikAdres', c.address.line)}</Adres>` +
    c.representatives.map((y) => `<Yetkili>${e('TCKimlikNo', y.tckn)}${e('YetkiTuru', y.authority)}${e('GecerlilikBitis', y.validUntil)}</Yetkili>`).join('') +
    `</Firma></FirmaSorgulaResponse>`
  );
}
