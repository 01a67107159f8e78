import { compile, type ErrorDetail, type InspectionOutcome } from '@tareks/schemas';
import type { XmlElement } from '../soap/safe-xml.parser.js';
import { invalidInput } from '../soap/soap-fault.js';
import { TNS } from '../soap/soap.constants.js';
import { pointerToElementPath, xmlToJson } from '../soap/xml-mapping.js';
import { OUTCOMES_TNS, RecordOutcomeRequest } from './outcomes-soap.contract.js';

const validate = compile<{ outcome: InspectionOutcome }>(RecordOutcomeRequest);

// The shared XML mapping reads and writes the declarations namespace; ours differs only in its URI, so elements are
// renamed into it before mapping, and written envelopes bind the `tns` prefix to ours.
const toMappingNamespace = (el: XmlElement): XmlElement => ({ ...el, ns: el.ns === OUTCOMES_TNS ? TNS : el.ns, children: el.children.map(toMappingNamespace) });

/** Rebinds the `tns` prefix of an envelope written by the shared SOAP helpers to the outcomes namespace. */
export const inOutcomesNamespace = (envelope: string): string => envelope.replace(`xmlns:tns="${TNS}"`, `xmlns:tns="${OUTCOMES_TNS}"`);

/** The outcome a RecordOutcome element states, validated by the same schema as `POST /v1/outcomes` (same codes). */
export function readRecordOutcome(el: XmlElement): InspectionOutcome {
  const errors: ErrorDetail[] = [];
  const json = xmlToJson(RecordOutcomeRequest, toMappingNamespace(el), 'RecordOutcome', errors);
  if (errors.length) throw invalidInput(errors);
  const result = validate(json);
  if (!result.ok) throw invalidInput(result.errors.map((e) => ({ ...e, pointer: pointerToElementPath(RecordOutcomeRequest, 'RecordOutcome', e.pointer) })));
  return result.value.outcome;
}
