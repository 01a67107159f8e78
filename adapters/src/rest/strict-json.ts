import type { FastifyInstance } from 'fastify';
import { INPUT_ERROR_CODES } from '@tareks/schemas';
import { IngestError } from '../ingest/ingest-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies only, UTF-8 only: the body is decoded strictly (invalid bytes are refused, not replaced with U+FFFD),
 * a charset other than UTF-8 is refused with 415, and text/plain is not accepted at all. Parsing keeps Fastify's
 * protection against prototype poisoning.
 */
export function useStrictJson(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      done(new IngestError(INPUT_ERROR_CODES.unsupportedMedia, `charset ${charset} is not supported; send UTF-8`, 415), undefined);
      return;
    }
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new IngestError(INPUT_ERROR_CODES.malformedJson, 'the body is not valid UTF-8', 400), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
