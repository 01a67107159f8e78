import { compile, validateDeclaration, type Declaration, type DocumentAttachment, type ErrorDetail, type Validation } from '@tareks/schemas';
import type { XmlElement } from './safe-xml.parser.js';
import { invalidInput } from './soap-fault.js';
import { OPERATIONS, type SoapOperation } from './soap-operations.js';
import { pointerToElementPath, xmlToJson } from './xml-mapping.js';

export interface SubmitDeclarationInput {
  readonly declaration: Declaration;
  readonly waitMs?: number;
  readonly attachments?: DocumentAttachment[];
}

export interface AttachDocumentInput {
  readonly declarationId: string;
  readonly attachment: DocumentAttachment;
}

export interface GetDecisionInput {
  readonly id: string;
  readonly version?: number;
}

const submit = OPERATIONS.SubmitDeclaration!;
const getDecision = OPERATIONS.GetDecision!;
const attachDocument = OPERATIONS.AttachDocument!;
const validateSubmit = compile<SubmitDeclarationInput>(submit.request);
const validateGetDecision = compile<GetDecisionInput>(getDecision.request);
const validateAttachDocument = compile<AttachDocumentInput>(attachDocument.request);

const withElementPaths = (op: SoapOperation, errors: readonly ErrorDetail[], prefix = ''): ErrorDetail[] =>
  errors.map((e) => ({ ...e, pointer: pointerToElementPath(op.request, op.name, prefix + e.pointer) }));

/** XML → JSON, then the same validation as REST; every problem is reported with its element path. */
function read<T>(op: SoapOperation, el: XmlElement, validate: (v: unknown) => Validation<T>): T {
  const mappingErrors: ErrorDetail[] = [];
  const json = xmlToJson(op.request, el, op.name, mappingErrors);
  if (mappingErrors.length) throw invalidInput(mappingErrors);
  const result = validate(json);
  if (!result.ok) throw invalidInput(withElementPaths(op, result.errors));
  return result.value;
}

export function readSubmitDeclaration(el: XmlElement): SubmitDeclarationInput {
  const input = read(submit, el, validateSubmit);
  // The full edge validation (semantic rules included) is the one REST uses.
  const declaration = validateDeclaration(input.declaration);
  if (!declaration.ok) throw invalidInput(withElementPaths(submit, declaration.errors, '/declaration'));
  return input;
}

export const readGetDecision = (el: XmlElement): GetDecisionInput => read(getDecision, el, validateGetDecision);
export const readAttachDocument = (el: XmlElement): AttachDocumentInput => read(attachDocument, el, validateAttachDocument);
