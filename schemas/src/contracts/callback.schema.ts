import { Type, type Static } from 'typebox';
import { DateTime, DeclarationId, Version } from './common.schema.js';
import { Decision } from './decision.schema.js';

/**
 * Where a customs client wants its decisions delivered. A webhook gets the JSON `DecisionNotification` signed with
 * HMAC-SHA256 (see `WEBHOOK_HEADERS`); a SOAP endpoint implements `schemas/wsdl/decision-notification.wsdl`.
 */
export const WebhookCallback = Type.Object(
  {
    kind: Type.Literal('webhook'),
    url: Type.String({ format: 'uri', pattern: '^https?://', description: 'HTTPS endpoint of the customs system (HTTP only for tests and closed networks)' }),
  },
  { additionalProperties: false },
);
export const SoapCallback = Type.Object(
  {
    kind: Type.Literal('soap'),
    url: Type.String({ format: 'uri', pattern: '^https?://', description: 'Endpoint implementing the DecisionNotification operation' }),
    soapVersion: Type.Optional(Type.Enum(['1.1', '1.2'], { description: 'Envelope version; default 1.1' })),
  },
  { additionalProperties: false },
);
export const CallbackTarget = Type.Union([WebhookCallback, SoapCallback]);
export type CallbackTarget = Static<typeof CallbackTarget>;

/** What a client stores: the target plus, for webhooks, the shared HMAC secret (never returned by list/get). */
export type StoredCallback = CallbackTarget & { readonly secret?: string };

/** The body delivered to customs: one decision of one declaration version, identified for receiver-side idempotency. */
export const DecisionNotification = Type.Object(
  {
    deliveryId: Type.String({ pattern: '^[0-9a-f]{32}$', description: 'Same for every attempt and replay of this notification: deduplicate on it' }),
    clientId: Type.String(),
    declarationId: DeclarationId,
    version: Version,
    decision: Decision,
  },
  { additionalProperties: false },
);
export type DecisionNotification = Static<typeof DecisionNotification>;

/** Data of one BullMQ `notify` job (jobId = deliveryId). */
export const NotifyJob = Type.Object(
  {
    notification: DecisionNotification,
    enqueuedAt: DateTime,
    firstFailureAt: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);
export type NotifyJob = Static<typeof NotifyJob>;

/**
 * Webhook headers. The signature is `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`; receivers
 * recompute it over the raw body, compare in constant time, and refuse a `t` outside their replay window.
 */
export const WEBHOOK_HEADERS = {
  signature: 'x-tareks-signature',
  deliveryId: 'x-tareks-delivery-id',
  event: 'x-tareks-event',
} as const;
export const DECISION_EVENT = 'decision.v1';
/** Default replay window of a webhook signature, seconds. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
