import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { xmlEscape } from '../shared/xml.js';
import type { FaultRenderer } from './sim-server.js';
import {
  SoapRequestError, contentTypeOf, envelope, faultEnvelope, parseSoapBody, soapActionOf, soapVersionOf, type SoapVersion,
} from './soap-envelope.js';

/** A fault the operation raises on bad input: answered as a Client / Sender SOAP Fault. */
export class SoapClientFault extends Error {
  override readonly name = 'SoapClientFault';
}

export interface SoapOperation {
  readonly soapAction: string;
  /** Returns the response element (XML) for the parsed request element. */
  handle(args: Record<string, unknown>): string;
}

export interface SoapEndpointOptions {
  readonly path: string;
  /** WSDL text with `{{LOCATION}}`-free locations: every `location="…"` is rewritten to this endpoint. */
  readonly wsdl: string;
  readonly versions: readonly SoapVersion[];
  readonly operations: Readonly<Record<string, SoapOperation>>;
}

const rewriteLocations = (wsdl: string, url: string): string => wsdl.replace(/location="[^"]*"/g, `location="${xmlEscape(url)}"`);

const sendFault = (reply: FastifyReply, version: SoapVersion, client: boolean, message: string): FastifyReply =>
  reply.code(client && version === '1.2' ? 400 : 500).type(contentTypeOf(version)).send(faultEnvelope(version, client, message));

/** SOAP answers for injected faults: a Server Fault, or an envelope cut in half. */
export const soapFaultRenderer: FaultRenderer = {
  error: (req, reply) => sendFault(reply, soapVersionOf(req.headers['content-type']), false, 'Simulated upstream failure'),
  malformed: (req, reply) => {
    const v = soapVersionOf(req.headers['content-type']);
    return reply.code(200).type(contentTypeOf(v)).send(envelope(v, '<Broken>').slice(0, -30));
  },
};

/** Serves one SOAP endpoint: `GET path?wsdl` and `POST path` for SOAP 1.1 and/or 1.2, document/literal. */
export function registerSoapEndpoint(app: FastifyInstance, opts: SoapEndpointOptions): void {
  app.addContentTypeParser(['text/xml', 'application/soap+xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.get(opts.path, async (req: FastifyRequest, reply) => {
    const query = req.query as Record<string, unknown>;
    if (!('wsdl' in query) && !('WSDL' in query)) return reply.code(404).send();
    const url = `${req.protocol}://${req.host}${opts.path}`;
    return reply.type('text/xml; charset=utf-8').send(rewriteLocations(opts.wsdl, url));
  });

  app.post(opts.path, { config: { faults: true } }, async (req, reply) => {
    const version = soapVersionOf(req.headers['content-type']);
    if (!opts.versions.includes(version)) return reply.code(415).send();
    try {
      const { operation, args } = await parseSoapBody(String(req.body ?? ''));
      const op = opts.operations[operation];
      if (!op) throw new SoapClientFault(`unknown operation ${operation}`);
      const action = soapActionOf(version, req.headers);
      if (version === '1.1' && action !== op.soapAction) throw new SoapClientFault(`SOAPAction must be "${op.soapAction}"`);
      if (version === '1.2' && action !== undefined && action !== op.soapAction) throw new SoapClientFault(`action must be "${op.soapAction}"`);
      return reply.type(contentTypeOf(version)).send(envelope(version, op.handle(args)));
    } catch (err) {
      if (err instanceof SoapRequestError || err instanceof SoapClientFault) return sendFault(reply, version, true, err.message);
      req.log.error({ err }, 'simulator operation failed');
      return sendFault(reply, version, false, 'internal error');
    }
  });
}
