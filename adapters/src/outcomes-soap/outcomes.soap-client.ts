import { createClientAsync, WSSecurity, type Client } from 'soap';
import type { ErrorDetail, InspectionOutcome, OutcomeReceipt } from '@tareks/schemas';
import { parseXml, type XmlElement } from '../soap/safe-xml.parser.js';
import { HubFault } from '../soap/soap-operations.js';
import { SOAP11_ENV, SOAP12_ENV, TNS } from '../soap/soap.constants.js';
import { xmlToJson } from '../soap/xml-mapping.js';
import { OUTCOMES_TNS, RecordOutcomeResponse } from './outcomes-soap.contract.js';

export interface OutcomesSoapClientOptions {
  /** Endpoint, e.g. `https://hub.example/soap/outcomes`; the WSDL is read from `<url>?wsdl`. */
  readonly url: string;
  readonly apiKey: string;
  /** When set, authenticate with a WS-Security UsernameToken (this id + the key, PasswordText) instead of `X-API-Key`. */
  readonly clientId?: string;
  /** HTTP timeout of one call in ms; default 30 000. */
  readonly timeoutMs?: number;
}

export interface OutcomesSoapClient {
  record(outcome: InspectionOutcome): Promise<OutcomeReceipt>;
}

/** A failed call: the hub's fault code (`HUB_ERR_…`) and element paths, or `SOAP_ERR_TRANSPORT` / `SOAP_ERR_BAD_RESPONSE`. */
export class OutcomesSoapError extends Error {
  override readonly name = 'OutcomesSoapError';
  constructor(
    readonly code: string,
    message: string,
    /** SOAP fault code (`Client`, `Server`, …) when the hub answered with a fault. */
    readonly faultCode: string | undefined,
    readonly details: readonly ErrorDetail[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

// The shared mapping reads the declarations namespace; ours is renamed into it to be read.
const toMappingNamespace = (el: XmlElement): XmlElement => ({ ...el, ns: el.ns === OUTCOMES_TNS ? TNS : el.ns, children: el.children.map(toMappingNamespace) });
const findChild = (el: XmlElement | undefined, local: string): XmlElement | undefined => el?.children.find((c) => c.local === local);
const badResponse = (message: string, cause?: unknown): OutcomesSoapError => new OutcomesSoapError('SOAP_ERR_BAD_RESPONSE', message, undefined, [], { cause });

function bodyElement(xml: string): XmlElement {
  const root = parseXml(xml);
  const el = root.children.find((c) => (c.ns === SOAP11_ENV || c.ns === SOAP12_ENV) && c.local === 'Body')?.children[0];
  if (!el) throw badResponse('response has no SOAP Body element');
  return el;
}

function toClientError(err: unknown): OutcomesSoapError {
  const body = (err as { body?: unknown }).body;
  if (typeof body !== 'string' || !body.includes('Fault')) return new OutcomesSoapError('SOAP_ERR_TRANSPORT', `SOAP call failed: ${(err as Error).message}`, undefined, [], { cause: err });
  try {
    const fault = bodyElement(body);
    const hubFault = (findChild(fault, 'detail') ?? findChild(fault, 'Detail'))?.children.find((c) => c.ns === OUTCOMES_TNS && c.local === 'HubFault');
    if (!hubFault) return badResponse('fault without HubFault detail', err);
    const parsed = xmlToJson(HubFault, toMappingNamespace(hubFault), 'HubFault', []) as { code: string; message: string; details?: ErrorDetail[] };
    const faultCode = (findChild(fault, 'faultcode')?.text ?? findChild(findChild(fault, 'Code'), 'Value')?.text ?? '').replace(/^.*:/, '');
    return new OutcomesSoapError(parsed.code, parsed.message, faultCode, parsed.details ?? [], { cause: err });
  } catch (cause) {
    return badResponse('unreadable SOAP fault', cause);
  }
}

type SoapMethod = (args: unknown, options?: object) => Promise<[unknown, string]>;

/** An inspection system's client of `/soap/outcomes`, built on the `soap` package from the served WSDL. */
export async function createOutcomesSoapClient(opts: OutcomesSoapClientOptions): Promise<OutcomesSoapClient> {
  const timeout = opts.timeoutMs ?? 30_000;
  const client: Client = await createClientAsync(`${opts.url}?wsdl`, { endpoint: opts.url, wsdl_options: { timeout } });
  if (opts.clientId === undefined) client.addHttpHeader('X-API-Key', opts.apiKey);
  else client.setSecurity(new WSSecurity(opts.clientId, opts.apiKey, { passwordType: 'PasswordText', hasTimeStamp: false, hasTokenCreated: false, hasNonce: false }));
  return {
    async record(outcome) {
      const fn = (client as unknown as Record<string, SoapMethod>)['RecordOutcomeAsync']!;
      let raw: string;
      try {
        // The `soap` package writes an array as repeated children of its wrapper: findings → { finding: [...] }.
        [, raw] = await fn.call(client, { outcome: { ...outcome, findings: { finding: outcome.findings } } }, { timeout });
      } catch (err) {
        throw toClientError(err);
      }
      const el = bodyElement(raw);
      if (el.ns !== OUTCOMES_TNS || el.local !== 'RecordOutcomeResponse') throw badResponse(`expected RecordOutcomeResponse, got {${el.ns}}${el.local}`);
      const errors: ErrorDetail[] = [];
      const value = xmlToJson(RecordOutcomeResponse, toMappingNamespace(el), 'RecordOutcomeResponse', errors) as { receipt: OutcomeReceipt };
      if (errors.length) throw badResponse(`response does not match the contract: ${errors.map((e) => `${e.pointer}: ${e.message}`).join('; ')}`);
      return value.receipt;
    },
  };
}
