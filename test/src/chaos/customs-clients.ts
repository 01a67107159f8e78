import { startCallbackReceiver } from '../support/callback-receiver.js';
import type { AdminApi } from './admin-api.js';
import type { CustomsClient } from './load-driver.js';

/** Three REST customs systems with signed webhooks and two SOAP ones with DecisionNotification callbacks. */
export const CLIENT_PLAN: ReadonlyArray<{ clientId: string; protocol: 'REST' | 'SOAP' }> = [
  { clientId: 'chaos-rest-1', protocol: 'REST' },
  { clientId: 'chaos-rest-2', protocol: 'REST' },
  { clientId: 'chaos-rest-3', protocol: 'REST' },
  { clientId: 'chaos-soap-1', protocol: 'SOAP' },
  { clientId: 'chaos-soap-2', protocol: 'SOAP' },
];

/**
 * Registers each customs system through the admin API, with a callback receiver of its own; a webhook receiver checks
 * signatures with the secret the hub shows once at creation. Clients created before a failure are returned through
 * `created`, so the caller can close their receivers.
 */
export async function createCustomsClients(admin: AdminApi, created: CustomsClient[]): Promise<void> {
  for (const { clientId, protocol } of CLIENT_PLAN) {
    const options: { secret?: string } = {};
    const receiver = await startCallbackReceiver(options);
    const client = { clientId, protocol, receiver, apiKey: '' };
    created.push(client);
    const secrets = await admin.createClient(clientId, protocol === 'REST' ? { kind: 'webhook', url: receiver.webhookUrl } : { kind: 'soap', url: receiver.soapUrl });
    if (!secrets.apiKey) throw new Error(`the hub showed no API key for ${clientId}`);
    client.apiKey = secrets.apiKey;
    options.secret = secrets.callbackSecret;
  }
}
