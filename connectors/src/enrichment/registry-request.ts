import type { NatsConnection } from '@nats-io/nats-core';
import { ServiceErrorCodeHeader, ServiceErrorHeader } from '@nats-io/services';
import { REGISTRY_OPERATIONS, names, type RegistryErrorReply, type RegistryName, type RegistryReply } from '@tareks/schemas';
import { ConnectorError, connError } from '../shared/connector.errors.js';

/**
 * Settles like `request`, or rejects when `signal` aborts first (nats.js requests take no signal; the late reply is
 * dropped by the client). The abort listener is removed once the request settles, so a signal shared by many
 * requests does not collect listeners.
 */
function abortable<T>(request: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    request.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * One request to a registry service over NATS. Resolves with the reply; throws CONN_ERR_REGISTRY_UNAVAILABLE
 * (retryable) when no instance answers in time or the registry stays unavailable after the service's retries,
 * and a non-retryable ConnectorError when the service refused the request.
 */
export async function requestRegistry<Res>(
  nc: NatsConnection,
  ns: string,
  registry: RegistryName,
  payload: unknown,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<RegistryReply<Res>> {
  const subject = names(ns).subjects.service(registry, REGISTRY_OPERATIONS[registry]);
  let msg;
  try {
    signal?.throwIfAborted();
    const request = nc.request(subject, JSON.stringify(payload), { timeout: timeoutMs });
    msg = signal ? await abortable(request, signal) : await request;
  } catch (cause) {
    throw connError('REGISTRY_UNAVAILABLE', `${registry}: no service answered on ${subject}`, cause);
  }
  if (msg.headers?.has(ServiceErrorCodeHeader)) {
    let body: RegistryErrorReply | undefined;
    try {
      body = msg.json<RegistryErrorReply>();
    } catch {
      body = undefined;
    }
    const code = body?.error.code ?? msg.headers.get(ServiceErrorHeader);
    const cause = new Error(`${code}: ${body?.error.message ?? ''}`);
    if (body?.error.retryable === false) throw new ConnectorError('CONN', 'BAD_REQUEST', `${registry}: request refused (${code})`, { cause });
    throw connError('REGISTRY_UNAVAILABLE', `${registry}: unavailable (${code})`, cause);
  }
  return msg.json<RegistryReply<Res>>();
}
