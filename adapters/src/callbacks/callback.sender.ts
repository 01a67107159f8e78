import type { DecisionNotification, StoredCallback } from '@tareks/schemas';
import { CALLBACK_ERROR_CODES, CallbackError } from './callback-error.js';
import { sendSoapNotification } from './decision-notification.soap.js';
import { sendWebhook } from './webhook.sender.js';

/** One delivery attempt of a decision to the client's callback, whichever its kind. */
export async function deliverDecision(callback: StoredCallback, notification: DecisionNotification, timeoutMs: number): Promise<void> {
  if (callback.kind === 'soap') return sendSoapNotification({ url: callback.url, soapVersion: callback.soapVersion }, notification, timeoutMs);
  if (!callback.secret) throw new CallbackError(CALLBACK_ERROR_CODES.noSecret, 'webhook callback has no signing secret', false);
  return sendWebhook({ url: callback.url, secret: callback.secret }, notification, timeoutMs);
}
