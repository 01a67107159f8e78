import { INPUT_ERROR_CODES, type DocumentAttachment, type DocumentRef } from '@tareks/schemas';
import type { DocumentContext, DocumentService, StoredDocument } from '../documents/document-service.js';
import { IngestError } from '../ingest/ingest-error.js';
import { invalidInput } from './soap-fault.js';

/** What the SOAP endpoint needs to take documents: the same intake as the REST upload, and its size limit. */
export interface SoapDocumentOptions {
  readonly service: DocumentService;
  /** Largest decoded document, bytes (the hub's DOCUMENT_MAX_BYTES). */
  readonly maxBytes: number;
}

// XML may wrap base64 (MIME style, 76 characters a line) and indent it: whitespace is not part of the content.
const XML_SPACE = /[ \t\r\n]+/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Characters of base64 for `bytes` bytes, plus a CRLF every 76 characters for senders that wrap lines. */
export function base64Allowance(bytes: number): number {
  const encoded = 4 * Math.ceil(bytes / 3);
  return encoded + 2 * Math.ceil(encoded / 76);
}

/** The bytes of an `xs:base64Binary` element, or a HUB_ERR_FORMAT fault pointing at it. */
export function decodeBase64(text: string, path: string): Buffer {
  const compact = text.replace(XML_SPACE, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw invalidInput([{ code: INPUT_ERROR_CODES.format, pointer: path, message: 'must be base64 (xs:base64Binary)' }]);
  }
  return Buffer.from(compact, 'base64');
}

/**
 * Stores one attached document through the document service (sniffing, limits, sha256 store: the REST intake).
 * Its refusals keep their `DOC_ERR_…` code and gain the element path of the content.
 */
export async function storeAttachment(docs: SoapDocumentOptions, attachment: DocumentAttachment, path: string, ctx: DocumentContext): Promise<StoredDocument> {
  const bytes = decodeBase64(attachment.content, `${path}/content`);
  try {
    return await docs.service.store(
      { bytes, type: attachment.type, ...(attachment.mediaType ? { declaredMediaType: attachment.mediaType } : {}), ...(attachment.fileName ? { fileName: attachment.fileName } : {}) },
      ctx,
    );
  } catch (err) {
    if (!(err instanceof IngestError) || err.details.length) throw err;
    throw new IngestError(err.code, err.message, err.httpStatus, [{ code: err.code, pointer: `${path}/content`, message: err.message }], { cause: err, retryAfterSeconds: err.retryAfterSeconds });
  }
}

/** The declaration's references plus those of its attachments; bytes already referenced (same sha256) are not added twice. */
export function withAttachedRefs(documents: readonly DocumentRef[], attached: readonly DocumentRef[]): DocumentRef[] {
  const out = [...documents];
  for (const ref of attached) if (!out.some((d) => d.sha256 === ref.sha256)) out.push(ref);
  return out;
}

/** Bytes of base64 content (1) and of the whitespace that may wrap it (2); everything else is markup (0). */
const CLASS = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=') CLASS[c.charCodeAt(0)] = 1;
for (const c of ' \t\r\n') CLASS[c.charCodeAt(0)] = 2;
/** Runs shorter than this are markup: no text of the contract besides document content is that long. */
const MIN_CONTENT_RUN = 4096;

/**
 * The length of the request outside base64 runs: the markup, which must stay within the ordinary SOAP body limit.
 * Whitespace counts with a run while it only wraps and indents its lines (at most half the run), never as padding
 * on its own. A plain loop: a regular expression over a run of megabytes overflows V8's regexp stack.
 */
export function markupLength(body: Uint8Array): number {
  let content = 0;
  let runStart = 0;
  let letters = 0;
  const close = (end: number): void => {
    const run = end - runStart;
    if (run >= MIN_CONTENT_RUN) content += letters * 2 >= run ? run : letters;
  };
  for (let i = 0; i < body.length; i++) {
    const k = CLASS[body[i]!]!;
    if (k === 0) {
      close(i);
      runStart = i + 1;
      letters = 0;
    } else if (k === 1) {
      letters++;
    }
  }
  close(body.length);
  return body.length - content;
}
