import type { Logger } from 'pino';
import type { Declaration } from '@tareks/schemas';
import { API_KEY_HEADER } from '../auth/api-key.js';
import { createDeclarationsSoapClient, type DeclarationsSoapClient } from '../soap/declarations.soap-client.js';
import { RegistrationNumbers } from './registration-numbers.js';

export interface DemoCustomsOptions {
  /** Base URL of the hub, e.g. http://127.0.0.1:8080. */
  readonly hubUrl: string;
  readonly apiKey: string;
  /** Declarations per second. */
  readonly ratePerSecond: number;
  /** Share sent over SOAP (the rest over REST). Default 0.5. */
  readonly soapShare?: number;
  /** Where declarations come from (the synthetic trade world); the demo assigns the registration number. */
  readonly source: (at: Date) => Declaration;
  readonly logger: Logger;
}

export interface DemoCustoms {
  readonly sent: { rest: number; soap: number; failed: number };
  stop(): Promise<void>;
}

/** Ticks per second of the sender; each tick sends the share of the rate that fell due. */
const TICKS_PER_SECOND = 10;

/**
 * A simulated customs system: lodges declarations with the hub over REST and SOAP at a steady rate. A failed
 * submission (hub busy, WSDL not reachable yet) is logged and counted, never fatal.
 */
export function startDemoCustoms(o: DemoCustomsOptions): DemoCustoms {
  let soap: Promise<DeclarationsSoapClient> | null = null;
  const soapClient = (): Promise<DeclarationsSoapClient> => {
    soap ??= createDeclarationsSoapClient({ url: `${o.hubUrl}/soap/declarations`, apiKey: o.apiKey }).catch((err: unknown) => {
      soap = null;
      throw err;
    });
    return soap;
  };
  const numbers = new RegistrationNumbers();
  const sent = { rest: 0, soap: 0, failed: 0 };
  const inFlight = new Set<Promise<void>>();
  let due = 0;

  const sendOne = async (): Promise<void> => {
    const at = new Date();
    const generated = o.source(at);
    const declaration: Declaration = { ...generated, id: numbers.next(generated.customsOffice, generated.kind === 'IMPORT' ? 'IM' : 'EX', at), submittedAt: at.toISOString() };
    const viaSoap = Math.random() < (o.soapShare ?? 0.5);
    try {
      if (viaSoap) {
        await (await soapClient()).submit(declaration);
        sent.soap++;
      } else {
        const res = await fetch(`${o.hubUrl}/v1/declarations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [API_KEY_HEADER]: o.apiKey },
          body: JSON.stringify(declaration),
        });
        if (res.status !== 202 && res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
        sent.rest++;
      }
    } catch (err) {
      sent.failed++;
      o.logger.warn({ err, declarationId: declaration.id, protocol: viaSoap ? 'SOAP' : 'REST' }, 'demo customs: submission failed');
    }
  };

  const timer = setInterval(() => {
    due += o.ratePerSecond / TICKS_PER_SECOND;
    for (; due >= 1; due--) {
      const p = sendOne().finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
  }, 1000 / TICKS_PER_SECOND);

  o.logger.info({ rate: o.ratePerSecond }, 'demo customs system sending declarations over REST and SOAP');
  return {
    sent,
    async stop() {
      clearInterval(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}
