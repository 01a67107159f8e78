import type { HostileCase, HostileRequest, Keys } from './hostile-case.js';

/** What the hub answered to one case, read the same way for REST errors and SOAP faults. */
export interface Outcome {
  readonly status: number;
  readonly code: string | undefined;
  readonly pointers: readonly string[];
  readonly faultCode?: string;
  /** First characters of the body, for the failure message. */
  readonly excerpt: string;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]!);
const stripPrefix = (q: string): string => q.slice(q.indexOf(':') + 1);

/**
 * Reads a SOAP fault as the hub writes it: the SOAP code (1.1 `faultcode`, 1.2 `Code/Value`), and `HubFault`'s code
 * and detail pointers. Regular expressions suffice: the writer is ours and its layout is the contract under test.
 */
export function readSoapFault(xml: string): Pick<Outcome, 'code' | 'pointers' | 'faultCode'> {
  const faultCode = /<(?:\w+:)?faultcode>([^<]*)</.exec(xml)?.[1] ?? /<(?:\w+:)?Code>\s*<(?:\w+:)?Value>([^<]*)</.exec(xml)?.[1];
  const code = /<(?:\w+:)?HubFault>\s*<(?:\w+:)?code>([^<]*)</.exec(xml)?.[1];
  const pointers = [...xml.matchAll(/<(?:\w+:)?pointer>([^<]*)</g)].map((m) => unescapeXml(m[1]!));
  return { code, pointers, ...(faultCode ? { faultCode: stripPrefix(faultCode.trim()) } : {}) };
}

function bodyOf(r: HostileRequest): { body?: BodyInit; duplex?: 'half' } {
  if (r.body === undefined || typeof r.body === 'string' || r.body instanceof Uint8Array) return r.body === undefined ? {} : { body: r.body as BodyInit };
  const chunks = [...r.body.chunks];
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  return { body: stream, duplex: 'half' };
}

/** Sends one case and reads the answer (REST error body or SOAP fault). */
export async function send(baseUrl: string, c: HostileCase, keys: Keys): Promise<Outcome> {
  const r = c.request(keys);
  const res = await fetch(baseUrl + r.path, { method: r.method, headers: r.headers, ...bodyOf(r) } as RequestInit);
  const text = await res.text();
  const excerpt = text.slice(0, 300);
  if (c.protocol === 'SOAP' && r.method === 'POST') return { status: res.status, ...readSoapFault(text), excerpt };
  try {
    const json = JSON.parse(text) as { error?: { code?: string; details?: Array<{ pointer: string }> } };
    return { status: res.status, code: json.error?.code, pointers: json.error?.details?.map((d) => d.pointer) ?? [], excerpt };
  } catch {
    return { status: res.status, code: undefined, pointers: [], excerpt };
  }
}
