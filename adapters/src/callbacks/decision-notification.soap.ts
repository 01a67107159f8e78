import { INPUT_ERROR_CODES, DecisionNotification, compile } from '@tareks/schemas';
import { parseXml, type XmlElement } from '../soap/safe-xml.parser.js';
import type { SchemaNode } from '../soap/schema-node.js';
import { readEnvelope, writeEnvelope } from '../soap/soap-envelope.js';
import { SoapFault } from '../soap/soap-fault.js';
import { SOAP11_ENV, SOAP12_ENV, TNS, contentTypeOf, type SoapVersion } from '../soap/soap.constants.js';
import { jsonToXml, xmlToJson } from '../soap/xml-mapping.js';
import { CALLBACK_ERROR_CODES as C, CallbackError, isRetryableStatus } from './callback-error.js';

/** The customs-side operation of `schemas/wsdl/decision-notification.wsdl` (document/literal wrapped). */
export const DECISION_NOTIFICATION_OPERATION = 'DecisionNotification';
export const DECISION_NOTIFICATION_ACTION = `${TNS}#DecisionNotification`;

const RequestNode = DecisionNotification as SchemaNode;
const ResponseNode: SchemaNode = {
  type: 'object',
  properties: { deliveryId: DecisionNotification.properties.deliveryId as SchemaNode },
  required: ['deliveryId'],
  additionalProperties: false,
};
const validateNotification = compile<DecisionNotification>(DecisionNotification);

export interface SoapNotificationTarget {
  readonly url: string;
  readonly soapVersion?: SoapVersion;
}

const headersFor = (version: SoapVersion): Record<string, string> =>
  version === '1.1'
    ? { 'content-type': contentTypeOf(version), soapaction: `"${DECISION_NOTIFICATION_ACTION}"` }
    : { 'content-type': `${contentTypeOf(version)}; action="${DECISION_NOTIFICATION_ACTION}"` };

const bodyOf = (root: XmlElement): XmlElement | undefined =>
  root.children.find((c) => (c.ns === SOAP11_ENV || c.ns === SOAP12_ENV) && c.local === 'Body')?.children[0];

const textOf = (el: XmlElement | undefined, ...path: string[]): string | undefined => {
  let cur = el;
  for (const local of path) cur = cur?.children.find((c) => c.local === local);
  return cur?.text.trim();
};

/** A fault from the receiver: `Client`/`Sender` means this notification will never be accepted; anything else may pass later. */
function faultError(fault: XmlElement, status: number): CallbackError {
  const code = (textOf(fault, 'faultcode') ?? textOf(fault, 'Code', 'Value') ?? '').replace(/^.*:/, '');
  const reason = textOf(fault, 'faultstring') ?? textOf(fault, 'Reason', 'Text') ?? '';
  const senderFault = code === 'Client' || code === 'Sender';
  return new CallbackError(C.fault, `DecisionNotification fault ${code}: ${reason}`, !senderFault, status);
}

/** Calls DecisionNotification on the customs endpoint; resolves when it acknowledged this delivery id. */
export async function sendSoapNotification(target: SoapNotificationTarget, notification: DecisionNotification, timeoutMs: number): Promise<void> {
  const version = target.soapVersion ?? '1.1';
  let res: Response;
  try {
    res = await fetch(target.url, {
      method: 'POST',
      headers: headersFor(version),
      body: writeEnvelope(version, jsonToXml(RequestNode, DECISION_NOTIFICATION_OPERATION, notification)),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    throw new CallbackError(timedOut ? C.timeout : C.transport, `SOAP endpoint ${timedOut ? 'timed out' : 'unreachable'}: ${(err as Error).message}`, true, undefined, { cause: err });
  }
  const text = await res.text();
  let body: XmlElement | undefined;
  try {
    body = bodyOf(parseXml(text));
  } catch (err) {
    const retryable = !res.ok && isRetryableStatus(res.status);
    throw new CallbackError(res.ok ? C.badResponse : retryable ? C.serverError : C.rejected, `SOAP endpoint answered HTTP ${res.status} without a readable envelope`, retryable, res.status, { cause: err });
  }
  if (body?.local === 'Fault') throw faultError(body, res.status);
  if (!res.ok) throw new CallbackError(isRetryableStatus(res.status) ? C.serverError : C.rejected, `SOAP endpoint answered HTTP ${res.status}`, isRetryableStatus(res.status), res.status);
  const ack = body && body.ns === TNS && body.local === 'DecisionNotificationResponse' ? (xmlToJson(ResponseNode, body, 'DecisionNotificationResponse', []) as { deliveryId?: string }) : undefined;
  if (ack?.deliveryId !== notification.deliveryId) throw new CallbackError(C.badResponse, 'DecisionNotificationResponse does not acknowledge this delivery id', true, res.status);
}

/**
 * Receiver side (customs systems, tests): reads a DecisionNotification request envelope into the JSON contract.
 * Uses the hub's safe parser (no DTDs) and mapping; throws a SoapFault for anything off-contract.
 */
export function readDecisionNotification(xml: string): { version: SoapVersion; notification: DecisionNotification } {
  const { version, operation } = readEnvelope(parseXml(xml));
  if (operation.ns !== TNS || operation.local !== DECISION_NOTIFICATION_OPERATION) {
    throw new SoapFault(INPUT_ERROR_CODES.unknownField, `expected ${DECISION_NOTIFICATION_OPERATION}, got {${operation.ns}}${operation.local}`, 'Client');
  }
  const errors = [] as Parameters<typeof xmlToJson>[3];
  const value = xmlToJson(RequestNode, operation, DECISION_NOTIFICATION_OPERATION, errors);
  const valid = errors.length ? { ok: false as const, errors } : validateNotification(value);
  if (!valid.ok) throw new SoapFault(valid.errors[0]?.code ?? INPUT_ERROR_CODES.format, 'DecisionNotification does not match the contract', 'Client', valid.errors);
  return { version, notification: valid.value };
}

/** Receiver side: the acknowledgement envelope. */
export const writeDecisionNotificationResponse = (version: SoapVersion, deliveryId: string): string =>
  writeEnvelope(version, jsonToXml(ResponseNode, 'DecisionNotificationResponse', { deliveryId }));
