import { ApiError, Decision, DeclarationId, DeclarationState, Declaration, DocumentAttachment, DocumentRef, Receipt, Version } from '@tareks/schemas';
import type { Scope } from '../auth/api-client.js';
import type { SchemaNode } from './schema-node.js';
import { TNS } from './soap.constants.js';

/** Longest wait a request may ask for, in ms; the server caps it further with `maxWaitMs`. */
const WAIT_MS_LIMIT = 300_000;
/** A declaration references at most this many documents (`Declaration.documents.maxItems`). */
export const MAX_DOCUMENTS = (Declaration.properties.documents as SchemaNode).maxItems ?? 50;

const object = (properties: Record<string, SchemaNode>, required: string[], description: string): SchemaNode => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
  description,
});

// Request/response wrappers of the document/literal wrapped style: their element names follow the operation names
// (`SubmitDeclaration`, `SubmitDeclarationResponse`) so JAX-WS and .NET recognise the wrapped style.
export const SubmitDeclarationRequest = object(
  {
    declaration: Declaration as SchemaNode,
    waitMs: { type: 'integer', minimum: 0, maximum: WAIT_MS_LIMIT, description: 'Wait up to this many ms for the decision (capped by the server); 0 or absent: answer with the receipt at once' },
    attachments: {
      type: 'array',
      items: DocumentAttachment as SchemaNode,
      maxItems: MAX_DOCUMENTS,
      description: 'Documents sent with the declaration (base64): each is stored like an upload and added to declaration/documents',
    },
  },
  ['declaration'],
  'Submit one declaration (idempotent on id + version)',
);
export const SubmitDeclarationResponse = object(
  { receipt: Receipt as SchemaNode, decision: Decision as SchemaNode },
  ['receipt'],
  'The receipt, and the decision when it was ready within the wait',
);
export const GetDecisionRequest = object(
  { id: DeclarationId as SchemaNode, version: Version as SchemaNode },
  ['id'],
  'Current state (and decision, once made) of a declaration; version absent: the latest',
);
export const GetDecisionResponse = object({ state: DeclarationState as SchemaNode }, ['state'], 'State of the latest version of the declaration');
export const AttachDocumentRequest = object(
  { declarationId: DeclarationId as SchemaNode, attachment: DocumentAttachment as SchemaNode },
  ['declarationId', 'attachment'],
  'Upload one document of a declaration (base64); the answer is the reference to put into declaration/documents',
);
export const AttachDocumentResponse = object(
  {
    document: DocumentRef as SchemaNode,
    duplicate: { type: 'boolean', description: 'The same bytes (same sha256) were already stored: nothing was written' },
  },
  ['document', 'duplicate'],
  'The stored document, as REST answers an upload',
);
/** The fault detail mirrors the REST error body (`ApiError.error`): code, message, details with element paths. */
export const HubFault = ApiError.properties.error as SchemaNode;

export interface SoapOperation {
  readonly name: string;
  readonly request: SchemaNode;
  readonly response: SchemaNode;
  readonly scope: Scope;
  readonly soapAction: string;
}

export const OPERATIONS: Readonly<Record<string, SoapOperation>> = {
  SubmitDeclaration: { name: 'SubmitDeclaration', request: SubmitDeclarationRequest, response: SubmitDeclarationResponse, scope: 'declarations:write', soapAction: `${TNS}#SubmitDeclaration` },
  GetDecision: { name: 'GetDecision', request: GetDecisionRequest, response: GetDecisionResponse, scope: 'declarations:read', soapAction: `${TNS}#GetDecision` },
  AttachDocument: { name: 'AttachDocument', request: AttachDocumentRequest, response: AttachDocumentResponse, scope: 'declarations:write', soapAction: `${TNS}#AttachDocument` },
};

/** Global elements of the XSD, in the order they are written. */
export const GLOBAL_ELEMENTS: readonly (readonly [string, SchemaNode])[] = [
  ['SubmitDeclaration', SubmitDeclarationRequest],
  ['SubmitDeclarationResponse', SubmitDeclarationResponse],
  ['GetDecision', GetDecisionRequest],
  ['GetDecisionResponse', GetDecisionResponse],
  ['AttachDocument', AttachDocumentRequest],
  ['AttachDocumentResponse', AttachDocumentResponse],
  ['HubFault', HubFault],
];
