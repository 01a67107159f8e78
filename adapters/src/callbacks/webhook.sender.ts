import { DECISION_EVENT, WEBHOOK_HEADERS, type DecisionNotification } from '@tareks/schemas';
import { CALLBACK_ERROR_CODES as C, CallbackError, isRetryableStatus } from './callback-error.js';
import { signWebhook } from './webhook-signature.js';

export interface WebhookTarget {
  readonly url: string;
  readonly secret: string;
}

/** POSTs one signed notification; resolves on any 2xx, throws a CallbackError otherwise. */
export async function sendWebhook(target: WebhookTarget, notification: DecisionNotification, timeoutMs: number): Promise<void> {
  const body = JSON.stringify(notification);
  let res: Response;
  try {
    res = await fetch(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [WEBHOOK_HEADERS.signature]: signWebhook(target.secret, body),
        [WEBHOOK_HEADERS.deliveryId]: notification.deliveryId,
        [WEBHOOK_HEADERS.event]: DECISION_EVENT,
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    throw new CallbackError(timedOut ? C.timeout : C.transport, `webhook ${timedOut ? 'timed out' : 'unreachable'}: ${(err as Error).message}`, true, undefined, { cause: err });
  }
  // The body is not read for anything but must be consumed so the connection is reused.
  await res.arrayBuffer().catch(() => undefined);
  if (res.ok) return;
  const retryable = isRetryableStatus(res.status);
  throw new CallbackError(retryable ? C.serverError : C.rejected, `webhook answered HTTP ${res.status}`, retryable, res.status);
}
