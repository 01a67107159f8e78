import { createClientAsync, WSSecurity, type Client } from 'soap';
import type { Declaration, DeclarationState, DocumentRef, DocumentType, ErrorDetail } from '@tareks/schemas';
import type { SubmitResult } from '../ingest/ingest-service.js';
import { parseXml, type XmlElement } from './safe-xml.parser.js';
import { kindOf, singular, type SchemaNode } from './schema-node.js';
import {
  AttachDocumentRequest, AttachDocumentResponse, GetDecisionRequest, GetDecisionResponse, HubFault, SubmitDeclarationRequest, SubmitDeclarationResponse,
} from './soap-operations.js';
import { SOAP11_ENV, SOAP12_ENV, TNS } from './soap.constants.js';
import { xmlToJson } from './xml-mapping.js';

export interface DeclarationsSoapClientOptions {
  /** Endpoint, e.g. `https://hub.example/soap/declarations`; the WSDL is read from `<url>?wsdl`. */
  readonly url: string;
  readonly apiKey: string;
  /** When set, authenticate with a WS-Security UsernameToken (this id + the key, PasswordText) instead of `X-API-Key`. */
  readonly clientId?: string;
  /** HTTP timeout of one call in ms; a submit adds its `waitMs` on top. Default 30 000. */
  readonly timeoutMs?: number;
  /** Send documents as MTOM parts (`multipart/related`, raw bytes) instead of base64 inside the XML. */
  readonly mtom?: boolean;
}

/** A file sent over SOAP (as `xs:base64Binary`). */
export interface SoapDocument {
  readonly type: DocumentType;
  readonly content: Uint8Array;
  readonly fileName?: string;
  /** What the file is said to be; the hub decides from the bytes and refuses a disagreement. */
  readonly mediaType?: string;
}

export interface DeclarationsSoapClient {
  /**
   * Submits a declaration; with `waitMs`, the decision comes back too when the hub decides within it. `attachments`
   * travel inside the request and are added to the declaration's documents.
   */
  submit(declaration: Declaration, waitMs?: number, attachments?: readonly SoapDocument[]): Promise<SubmitResult>;
  /** Uploads one document (AttachDocument): the reference to list in `documents[]`, and whether the bytes were known. */
  attachDocument(declarationId: string, document: SoapDocument): Promise<{ document: DocumentRef; duplicate: boolean }>;
  /** State of the declaration's latest version (with its decision once made); fault HUB_ERR_NOT_FOUND when unknown. */
  getDecision(id: string, version?: number): Promise<DeclarationState>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** A failed call: the hub's fault code (`HUB_ERR_…`) and element paths, or `SOAP_ERR_TRANSPORT` / `SOAP_ERR_BAD_RESPONSE`. */
export class DeclarationsSoapError extends Error {
  override readonly name = 'DeclarationsSoapError';
  constructor(
    readonly code: string,
    message: string,
    /** SOAP fault code (`Client`, `Server`, `Server.Busy`, …) when the hub answered with a fault. */
    readonly faultCode: string | undefined,
    readonly details: readonly ErrorDetail[],
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const RETRYABLE_CODES = new Set(['HUB_ERR_BUSY', 'HUB_ERR_UNAVAILABLE', 'HUB_ERR_RATE_LIMITED']);

/** The `soap` package writes an array as repeated children of its wrapper: `{ items: { item: [...] } }`. */
function toSoapArgs(node: SchemaNode, value: unknown, name = ''): unknown {
  switch (kindOf(node)) {
    case 'object': {
      const obj = value as Record<string, unknown>;
      const entries = Object.entries(node.properties ?? {}).filter(([k]) => obj[k] !== undefined);
      return Object.fromEntries(entries.map(([k, prop]) => [k, toSoapArgs(prop, obj[k], k)]));
    }
    case 'array':
      return { [singular(name)]: (value as unknown[]).map((v) => toSoapArgs(node.items!, v)) };
    default:
      return value;
  }
}

const badResponse = (message: string, cause?: unknown): DeclarationsSoapError =>
  new DeclarationsSoapError('SOAP_ERR_BAD_RESPONSE', message, undefined, [], false, { cause });

/** The single element inside the Body of a response envelope. */
function bodyElement(xml: string): XmlElement {
  const root = parseXml(xml);
  const body = root.children.find((c) => (c.ns === SOAP11_ENV || c.ns === SOAP12_ENV) && c.local === 'Body');
  const el = body?.children[0];
  if (!el) throw badResponse('response has no SOAP Body element');
  return el;
}

function readResponse<T>(node: SchemaNode, name: string, xml: string): T {
  const el = bodyElement(xml);
  if (el.ns !== TNS || el.local !== name) throw badResponse(`expected ${name}, got {${el.ns}}${el.local}`);
  const errors: ErrorDetail[] = [];
  const value = xmlToJson(node, el, name, errors);
  if (errors.length) throw badResponse(`response does not match the contract: ${errors.map((e) => `${e.pointer}: ${e.message}`).join('; ')}`);
  return value as T;
}

const findChild = (el: XmlElement | undefined, local: string): XmlElement | undefined => el?.children.find((c) => c.local === local);

/** The hub's fault (`tns:HubFault` in the detail), or a transport error when there is no SOAP fault to read. */
function toClientError(err: unknown): DeclarationsSoapError {
  const body = (err as { body?: unknown }).body;
  if (typeof body !== 'string' || !body.includes('Fault')) {
    return new DeclarationsSoapError('SOAP_ERR_TRANSPORT', `SOAP call failed: ${(err as Error).message}`, undefined, [], true, { cause: err });
  }
  try {
    const fault = bodyElement(body);
    const detail = findChild(fault, 'detail') ?? findChild(fault, 'Detail');
    const hubFault = detail?.children.find((c) => c.ns === TNS && c.local === 'HubFault');
    if (!hubFault) throw badResponse('fault without HubFault detail');
    const parsed = xmlToJson(HubFault, hubFault, 'HubFault', []) as { code: string; message: string; details?: ErrorDetail[] };
    const faultCode = (findChild(fault, 'faultcode')?.text ?? findChild(findChild(fault, 'Code'), 'Value')?.text ?? '').replace(/^.*:/, '');
    return new DeclarationsSoapError(parsed.code, parsed.message, faultCode, parsed.details ?? [], faultCode === 'Server.Busy' || RETRYABLE_CODES.has(parsed.code), { cause: err });
  } catch (cause) {
    return cause instanceof DeclarationsSoapError ? cause : badResponse('unreadable SOAP fault', cause);
  }
}

const XOP = 'http://www.w3.org/2004/08/xop/include';

/** One MTOM part as the `soap` package sends it (its `attachments` option). */
interface MtomPart {
  readonly mimetype: string;
  readonly contentId: string;
  readonly name: string;
  readonly body: Buffer;
}

const asAttachment = (d: SoapDocument, content: unknown): Record<string, unknown> => ({ type: d.type, fileName: d.fileName, mediaType: d.mediaType, content });

type SoapMethod = (args: unknown, options?: object) => Promise<[unknown, string]>;

/**
 * The customs-side client of the hub's SOAP service, built on the `soap` package from the served WSDL. Results are read
 * back into the JSON contract types with the same mapping the hub uses.
 */
export async function createDeclarationsSoapClient(opts: DeclarationsSoapClientOptions): Promise<DeclarationsSoapClient> {
  const timeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client: Client = await createClientAsync(`${opts.url}?wsdl`, { endpoint: opts.url, wsdl_options: { timeout } });
  if (opts.clientId === undefined) client.addHttpHeader('X-API-Key', opts.apiKey);
  else client.setSecurity(new WSSecurity(opts.clientId, opts.apiKey, { passwordType: 'PasswordText', hasTimeStamp: false, hasTokenCreated: false, hasNonce: false }));

  const call = async <T>(method: string, request: SchemaNode, args: object, response: SchemaNode, waitMs = 0, parts: readonly MtomPart[] = []): Promise<T> => {
    const fn = (client as unknown as Record<string, SoapMethod>)[`${method}Async`]!;
    let raw: string;
    try {
      [, raw] = await fn.call(client, toSoapArgs(request, args), { timeout: timeout + waitMs, ...(parts.length ? { attachments: parts } : {}) });
    } catch (err) {
      throw toClientError(err);
    }
    return readResponse<T>(response, `${method}Response`, raw);
  };

  /** Documents as request elements, and the MTOM parts their `xop:Include`s name when MTOM is on. */
  const encode = (documents: readonly SoapDocument[]): { elements: Record<string, unknown>[]; parts: MtomPart[] } => {
    const parts: MtomPart[] = [];
    const elements = documents.map((d, i) => {
      if (!opts.mtom) return asAttachment(d, Buffer.from(d.content.buffer, d.content.byteOffset, d.content.byteLength).toString('base64'));
      const contentId = `document-${i + 1}@tareks`;
      parts.push({ mimetype: d.mediaType ?? 'application/octet-stream', contentId, name: d.fileName ?? `document-${i + 1}`, body: Buffer.from(d.content.buffer, d.content.byteOffset, d.content.byteLength) });
      return asAttachment(d, { $xml: `<xop:Include xmlns:xop="${XOP}" href="cid:${encodeURIComponent(contentId)}"/>` });
    });
    return { elements, parts };
  };

  return {
    submit: (declaration, waitMs, attachments) => {
      const { elements, parts } = encode(attachments ?? []);
      return call<SubmitResult>('SubmitDeclaration', SubmitDeclarationRequest, { declaration, waitMs, attachments: attachments ? elements : undefined }, SubmitDeclarationResponse, waitMs, parts);
    },
    attachDocument: (declarationId, document) => {
      const { elements, parts } = encode([document]);
      return call('AttachDocument', AttachDocumentRequest, { declarationId, attachment: elements[0] }, AttachDocumentResponse, 0, parts);
    },
    getDecision: async (id, version) =>
      (await call<{ state: DeclarationState }>('GetDecision', GetDecisionRequest, { id, version }, GetDecisionResponse)).state,
  };
}
