import { compile, INPUT_ERROR_CODES, type AuthorizationRequest, type ErrorDetail, type Validation } from '@tareks/schemas';
import { parseXml, type XmlElement } from '../soap/safe-xml.parser.js';
import { invalidInput, SoapFault } from '../soap/soap-fault.js';
import { TNS } from '../soap/soap.constants.js';
import { pointerToElementPath, xmlToJson } from '../soap/xml-mapping.js';
import { AUTHZ_TNS, DSIG_NS } from './authorization-soap.constants.js';
import { AUTHORIZATION_OPERATIONS, type AuthorizationSoapOperation } from './authorization-soap.operations.js';

const submitOp = AUTHORIZATION_OPERATIONS.SubmitAuthorization!;
const getOp = AUTHORIZATION_OPERATIONS.GetAuthorization!;
const validateSubmit = compile<{ request: AuthorizationRequest }>(submitOp.request);
const validateGet = compile<{ requestId: string }>(getOp.request);

// The shared XML mapping reads and writes the declarations namespace; ours differs only in its URI, so elements are
// renamed into it before mapping, and the written envelope binds the `tns` prefix to ours.
const toMappingNamespace = (el: XmlElement): XmlElement => ({
  ...el,
  ns: el.ns === AUTHZ_TNS ? TNS : el.ns,
  children: el.children.map(toMappingNamespace),
});

/** Rebinds the `tns` prefix of an envelope written by the shared SOAP helpers to our namespace. */
export const inAuthorizationNamespace = (envelope: string): string => envelope.replace(`xmlns:tns="${TNS}"`, `xmlns:tns="${AUTHZ_TNS}"`);

function read<T>(op: AuthorizationSoapOperation, el: XmlElement, validate: (v: unknown) => Validation<T>): T {
  const errors: ErrorDetail[] = [];
  const json = xmlToJson(op.request, toMappingNamespace(el), op.name, errors);
  if (errors.length) throw invalidInput(errors);
  const result = validate(json);
  if (!result.ok) throw invalidInput(result.errors.map((e) => ({ ...e, pointer: pointerToElementPath(op.request, op.name, e.pointer) })));
  return result.value;
}

const isSignature = (el: XmlElement): boolean => el.ns === DSIG_NS && el.local === 'Signature';

/** The request a SubmitAuthorization element states (its ds:Signature left to the signature check). */
export function readSubmitAuthorization(el: XmlElement): AuthorizationRequest {
  return read(submitOp, { ...el, children: el.children.filter((c) => !isSignature(c)) }, validateSubmit).request;
}

/** The request from the verified signed content (canonical XML of the SubmitAuthorization element, signature removed). */
export function readSignedAuthorization(signedContent: string): AuthorizationRequest {
  const el = parseXml(signedContent);
  if (el.ns !== AUTHZ_TNS || el.local !== 'SubmitAuthorization') {
    throw new SoapFault(INPUT_ERROR_CODES.malformedXml, 'İmzalı içerik bir SubmitAuthorization değil / The signed content is not a SubmitAuthorization', 'Client');
  }
  return readSubmitAuthorization(el);
}

export const readGetAuthorization = (el: XmlElement): string => read(getOp, el, validateGet).requestId;
