import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { readDecisionNotification, verifyWebhookSignature, writeDecisionNotificationResponse } from '@tareks/adapters';
import { WEBHOOK_HEADERS, type DecisionNotification } from '@tareks/schemas';

export interface CallbackReceiverOptions {
  /** Webhook secret the signatures are checked with. */
  readonly secret?: string;
  /** Answer 503 to the first N deliveries (retries). */
  failFirst?: number;
  /** Answer every delivery with this status (e.g. 400: permanently refused; 503: down) until changed. */
  failWith?: number;
}

/**
 * A customs system's receiving side for tests: verifies webhook signatures, deduplicates on delivery id as a real
 * receiver must, counts every attempt, and answers SOAP DecisionNotification calls.
 */
export interface CallbackReceiver {
  readonly webhookUrl: string;
  readonly soapUrl: string;
  readonly options: CallbackReceiverOptions;
  /** Every request that reached a handler, in arrival order. */
  readonly attempts: Array<{ deliveryId?: string; status: number }>;
  /** Notifications accepted, once per delivery id, in arrival order. */
  readonly accepted: DecisionNotification[];
  /** Requests refused because the signature did not verify. */
  readonly badSignatures: number;
  /** Deliveries that repeated an already accepted delivery id (acknowledged, not processed again). */
  readonly duplicates: number;
  close(): Promise<void>;
}

export async function startCallbackReceiver(options: CallbackReceiverOptions = {}): Promise<CallbackReceiver> {
  const app: FastifyInstance = Fastify();
  const seen = new Set<string>();
  const state = {
    attempts: [] as Array<{ deliveryId?: string; status: number }>,
    accepted: [] as DecisionNotification[],
    badSignatures: 0,
    duplicates: 0,
  };
  /** What the receiver answers before looking at the content: the configured failures. */
  const injectedFailure = (): number | undefined => {
    if (options.failWith) return options.failWith;
    if ((options.failFirst ?? 0) > 0) {
      options.failFirst!--;
      return 503;
    }
    return undefined;
  };
  const accept = (n: DecisionNotification): void => {
    if (seen.has(n.deliveryId)) state.duplicates++;
    else {
      seen.add(n.deliveryId);
      state.accepted.push(n);
    }
  };

  app.addContentTypeParser(['application/json', 'text/xml', 'application/soap+xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.post('/webhook', async (req, reply) => {
    const deliveryId = req.headers[WEBHOOK_HEADERS.deliveryId] as string | undefined;
    const fail = injectedFailure();
    if (fail) {
      state.attempts.push({ deliveryId, status: fail });
      return reply.status(fail).send({ error: 'injected' });
    }
    const raw = req.body as string;
    const verdict = verifyWebhookSignature(options.secret ?? '', req.headers[WEBHOOK_HEADERS.signature] as string | undefined, raw);
    if (!verdict.ok) {
      state.badSignatures++;
      state.attempts.push({ deliveryId, status: 401 });
      return reply.status(401).send({ error: verdict.reason });
    }
    const n = JSON.parse(raw) as DecisionNotification;
    accept(n);
    state.attempts.push({ deliveryId, status: 204 });
    return reply.status(204).send();
  });

  app.post('/soap', async (req, reply) => {
    const fail = injectedFailure();
    const { version, notification } = readDecisionNotification(req.body as string);
    if (fail) {
      state.attempts.push({ deliveryId: notification.deliveryId, status: fail });
      const code = fail >= 500 ? 'Server' : 'Client';
      return reply.status(500).type('text/xml').send(
        `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:${code}</faultcode><faultstring>injected</faultstring></soap:Fault></soap:Body></soap:Envelope>`,
      );
    }
    accept(notification);
    state.attempts.push({ deliveryId: notification.deliveryId, status: 200 });
    return reply.type(version === '1.1' ? 'text/xml; charset=utf-8' : 'application/soap+xml; charset=utf-8').send(writeDecisionNotificationResponse(version, notification.deliveryId));
  });

  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    webhookUrl: `${base}/webhook`,
    soapUrl: `${base}/soap`,
    options,
    get attempts() {
      return state.attempts;
    },
    get accepted() {
      return state.accepted;
    },
    get badSignatures() {
      return state.badSignatures;
    },
    get duplicates() {
      return state.duplicates;
    },
    close: () => app.close(),
  };
}
