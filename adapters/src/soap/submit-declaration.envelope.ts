import type { Declaration } from '@tareks/schemas';
import { writeEnvelope } from './soap-envelope.js';
import { OPERATIONS, SubmitDeclarationRequest } from './soap-operations.js';
import { jsonToXml } from './xml-mapping.js';

/** A SOAP 1.1 `SubmitDeclaration` request as any customs toolkit would send it (used by load tools and tests). */
export function submitDeclarationEnvelope(declaration: Declaration, waitMs?: number): string {
  return writeEnvelope('1.1', jsonToXml(SubmitDeclarationRequest, 'SubmitDeclaration', { declaration, waitMs }));
}

export const SUBMIT_DECLARATION_ACTION = OPERATIONS.SubmitDeclaration!.soapAction;
