import { AuthorizationRecord, AuthorizationRequest } from '@tareks/schemas';
import type { Scope } from '../auth/api-client.js';
import type { SchemaNode } from '../soap/schema-node.js';
import { AUTHZ_TNS } from './authorization-soap.constants.js';

const object = (properties: Record<string, SchemaNode>, required: string[], description: string): SchemaNode => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
  description,
});

// Wrapper elements named after the operations (document/literal wrapped). The enveloped ds:Signature that
// SubmitAuthorization carries after `request` is not part of the mapped content: the signature check reads it.
export const SubmitAuthorizationRequest = object(
  { request: AuthorizationRequest as SchemaNode },
  ['request'],
  'An authorization request, e-signed by the applicant (enveloped XMLDSig / XAdES-BES over this element)',
);
export const SubmitAuthorizationResponse = object(
  {
    authorization: AuthorizationRecord as SchemaNode,
    duplicate: { type: 'boolean', description: 'True when this request was decided before and the stored decision is returned' },
  },
  ['authorization', 'duplicate'],
  'The decision on the request',
);
export const GetAuthorizationRequest = object(
  { requestId: AuthorizationRequest.properties.requestId as SchemaNode },
  ['requestId'],
  'The decision of a request lodged by this client',
);
export const GetAuthorizationResponse = object({ authorization: AuthorizationRecord as SchemaNode }, ['authorization'], 'The stored decision');

export interface AuthorizationSoapOperation {
  readonly name: 'SubmitAuthorization' | 'GetAuthorization';
  readonly request: SchemaNode;
  readonly scope: Scope;
  readonly soapAction: string;
}

export const AUTHORIZATION_OPERATIONS: Readonly<Record<string, AuthorizationSoapOperation>> = {
  SubmitAuthorization: { name: 'SubmitAuthorization', request: SubmitAuthorizationRequest, scope: 'declarations:write', soapAction: `${AUTHZ_TNS}#SubmitAuthorization` },
  GetAuthorization: { name: 'GetAuthorization', request: GetAuthorizationRequest, scope: 'declarations:read', soapAction: `${AUTHZ_TNS}#GetAuthorization` },
};
