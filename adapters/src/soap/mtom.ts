import { MultipartParser } from 'formidable';
import { INPUT_ERROR_CODES } from '@tareks/schemas';
import type { XmlElement } from './safe-xml.parser.js';
import { SoapFault } from './soap-fault.js';

/** MTOM (SOAP Message Transmission Optimization): the envelope and its binary parts as `multipart/related`. */
export const MTOM_MEDIA_TYPE = 'multipart/related';
const XOP = 'http://www.w3.org/2004/08/xop/include';

export interface MtomMessage {
  /** The root part: the SOAP envelope, with `xop:Include` where binary content was taken out. */
  readonly envelope: Buffer;
  /** The other parts by Content-ID (without angle brackets). */
  readonly parts: ReadonlyMap<string, Buffer>;
}

interface Part {
  readonly headers: Record<string, string>;
  readonly chunks: Buffer[];
}

const malformed = (message: string): SoapFault => new SoapFault(INPUT_ERROR_CODES.malformedXml, `Geçersiz MTOM iletisi / Malformed MTOM message: ${message}`, 'Client');

/** A parameter of a Content-Type header, quoted or not. */
function parameter(contentType: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

const contentId = (raw: string | undefined): string | undefined => raw?.trim().replace(/^<|>$/g, '');

export const isMtom = (contentType: string | undefined): boolean => (contentType ?? '').toLowerCase().startsWith(MTOM_MEDIA_TYPE);

/** Splits a `multipart/related` body (formidable's MIME parser, the one node-soap reads MTOM answers with). */
export async function readMtom(body: Buffer, contentType: string): Promise<MtomMessage> {
  const boundary = parameter(contentType, 'boundary');
  if (!boundary) throw malformed('the Content-Type has no boundary');
  const parts: Part[] = [];
  let header = '';
  await new Promise<void>((resolve, reject) => {
    const parser = new MultipartParser();
    parser.initWithBoundary(boundary);
    parser.on('data', ({ name, buffer, start, end }: { name: string; buffer: Buffer; start: number; end: number }) => {
      if (name === 'partBegin') parts.push({ headers: {}, chunks: [] });
      else if (name === 'headerField') header = buffer.toString('latin1', start, end).toLowerCase();
      else if (name === 'headerValue') parts.at(-1)!.headers[header] = buffer.toString('latin1', start, end);
      else if (name === 'partData') parts.at(-1)!.chunks.push(buffer.subarray(start, end));
    });
    parser.on('error', (err: Error) => reject(malformed(err.message)));
    parser.on('end', resolve);
    parser.end(body);
  });
  if (!parts.length) throw malformed('no parts');
  const start = contentId(parameter(contentType, 'start'));
  const root = start ? parts.find((p) => contentId(p.headers['content-id']) === start) : parts[0];
  if (!root) throw malformed(`no part has the start Content-ID <${start}>`);
  const others = new Map<string, Buffer>();
  for (const p of parts) {
    const id = contentId(p.headers['content-id']);
    if (p !== root && id) others.set(id, Buffer.concat(p.chunks));
  }
  return { envelope: Buffer.concat(root.chunks), parts: others };
}

/**
 * Puts every `xop:Include` back as the base64 text of the part it names, so the element reads exactly like inline
 * `xs:base64Binary` from here on. An Include naming no part is refused.
 */
export function resolveXop(el: XmlElement, parts: ReadonlyMap<string, Buffer>): void {
  const include = el.children.find((c) => c.ns === XOP && c.local === 'Include');
  if (include) {
    const href = include.attributes.find((a) => a.ns === '' && a.local === 'href')?.value ?? '';
    const part = href.startsWith('cid:') ? parts.get(decodeURIComponent(href.slice(4))) : undefined;
    if (!part || el.children.length !== 1) throw malformed(`xop:Include href="${href.slice(0, 80)}" names no part of the message`);
    el.children.length = 0;
    el.text = part.toString('base64');
    return;
  }
  for (const c of el.children) resolveXop(c, parts);
}
