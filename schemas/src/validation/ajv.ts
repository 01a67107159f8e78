import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { INPUT_ERROR_CODES as C } from '../errors.js';
import type { ErrorDetail } from '../contracts/error.schema.js';
import { isValidTckn } from '../validators/tckn.js';
import { isValidTaxId } from '../validators/vkn.js';
import { isValidGtip } from '../validators/gtip.js';
import { isValidCountry } from '../validators/iso-country.js';
import { isValidCurrency } from '../validators/iso-currency.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv, formats: string[]) => Ajv;

/** Our domain formats: each one has a stable error code. */
const DOMAIN_FORMATS: Record<string, { check: (v: string) => boolean; code: string; message: string }> = {
  tckn: { check: isValidTckn, code: C.tckn, message: 'not a valid T.C. Kimlik No (11 digits, check digits)' },
  'tax-id': { check: isValidTaxId, code: C.taxId, message: 'not a valid VKN (10 digits) or TCKN (11 digits)' },
  gtip: { check: isValidGtip, code: C.gtip, message: 'not a valid GTİP (12 digits, chapter 01-97)' },
  'iso-country': { check: isValidCountry, code: C.country, message: 'not an ISO 3166-1 alpha-2 country code' },
  'iso-currency': { check: isValidCurrency, code: C.currency, message: 'not an ISO 4217 currency code' },
};

/** One Ajv instance for every edge (REST via Fastify, SOAP after XML mapping, replays). */
export function createAjv(options: { coerceTypes?: boolean } = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: options.coerceTypes ?? false, useDefaults: false });
  addFormats(ajv, ['date-time', 'date', 'uri', 'email']);
  for (const [name, f] of Object.entries(DOMAIN_FORMATS)) ajv.addFormat(name, { type: 'string', validate: f.check });
  return ajv;
}

export const ajv = createAjv();
/** For URL parts (query strings, path params), where every value arrives as text. */
export const coercingAjv = createAjv({ coerceTypes: true });

/** Most details we report for one input; past that the input is clearly not the contract. */
const MAX_DETAILS = 20;

function codeOf(e: ErrorObject): { code: string; message: string; pointer: string } {
  const pointer = e.instancePath || '';
  switch (e.keyword) {
    case 'required':
      return { code: C.required, message: `missing required field '${String(e.params.missingProperty)}'`, pointer: `${pointer}/${String(e.params.missingProperty)}` };
    case 'additionalProperties':
      return { code: C.unknownField, message: `unknown field '${String(e.params.additionalProperty)}'`, pointer: `${pointer}/${String(e.params.additionalProperty)}` };
    case 'format': {
      const f = DOMAIN_FORMATS[String(e.params.format)];
      return f ? { code: f.code, message: f.message, pointer } : { code: C.format, message: `must be a ${String(e.params.format)}`, pointer };
    }
    case 'type':
      return { code: C.type, message: `must be ${String(e.params.type)}`, pointer };
    case 'enum':
    case 'const':
    case 'anyOf':
      return { code: C.enum, message: 'value not allowed', pointer };
    case 'pattern':
      return { code: C.pattern, message: `does not match ${String(e.params.pattern)}`, pointer };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { code: C.range, message: e.message ?? 'out of range', pointer };
    default:
      return { code: C.length, message: e.message ?? 'invalid', pointer };
  }
}

/** Ajv errors → our details; a union's per-branch noise collapses to one detail per pointer. */
export function toErrorDetails(errors: readonly ErrorObject[] | null | undefined): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const seen = new Set<string>();
  const literalUnionPaths = new Set(errors?.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const e of errors ?? []) {
    if (e.keyword === 'const' && literalUnionPaths.has(e.instancePath)) continue;
    const d = codeOf(e);
    const key = `${d.pointer}|${d.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
    if (out.length >= MAX_DETAILS) break;
  }
  return out;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: ErrorDetail[] };

export function compile<T>(schema: object): (value: unknown) => Validation<T> {
  const fn: ValidateFunction = ajv.compile(schema);
  return (value) => (fn(value) ? { ok: true, value: value as T } : { ok: false, errors: toErrorDetails(fn.errors) });
}
