import { InspectionOutcome, OutcomeReceipt } from '@tareks/schemas';
import type { Scope } from '../auth/api-client.js';
import type { SchemaNode } from '../soap/schema-node.js';
import { HubFault } from '../soap/soap-operations.js';
import { generateXsdFor } from '../soap/xsd.generator.js';

/** Target namespace of the outcomes SOAP contract. */
export const OUTCOMES_TNS = 'urn:tareks:hub:outcomes:v1';
export const OUTCOMES_XSD_FILE = 'outcomes.xsd';
/** Placeholder address in the generated WSDL, replaced by the URL the client reached us at. */
export const OUTCOMES_WSDL_ADDRESS_PLACEHOLDER = 'http://localhost/soap/outcomes';
/** API key scope of RecordOutcome; keys with `admin` may record too, as over REST. */
export const RECORD_OUTCOME_SCOPES: readonly Scope[] = ['outcomes:write', 'admin'];
export const RECORD_OUTCOME_ACTION = `${OUTCOMES_TNS}#RecordOutcome`;

// Document/literal wrapped: the wrapper elements are named after the operation.
export const RecordOutcomeRequest: SchemaNode = {
  type: 'object',
  properties: { outcome: InspectionOutcome as SchemaNode },
  required: ['outcome'],
  additionalProperties: false,
  description: 'Record the inspection result of one item (idempotent on declaration id + version + item no)',
};
export const RecordOutcomeResponse: SchemaNode = {
  type: 'object',
  properties: { receipt: OutcomeReceipt as SchemaNode },
  required: ['receipt'],
  additionalProperties: false,
  description: 'The receipt; duplicate is true when the same result was recorded before',
};

const GLOBAL_ELEMENTS: readonly (readonly [string, SchemaNode])[] = [
  ['RecordOutcome', RecordOutcomeRequest],
  ['RecordOutcomeResponse', RecordOutcomeResponse],
  ['HubFault', HubFault],
];

/** The XSD, generated from the TypeBox contracts at start (served, never kept on disk, so it cannot drift). */
export const generateOutcomesXsd = (): string => generateXsdFor(OUTCOMES_TNS, GLOBAL_ELEMENTS, 'adapters/src/outcomes-soap/outcomes-soap.contract.ts');

const binding = (prefix: 'soap' | 'soap12', name: string): string => `
  <wsdl:binding name="${name}" type="tns:OutcomesPortType">
    <${prefix}:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="RecordOutcome">
      <${prefix}:operation soapAction="${RECORD_OUTCOME_ACTION}" style="document"/>
      <wsdl:input><${prefix}:body use="literal"/></wsdl:input>
      <wsdl:output><${prefix}:body use="literal"/></wsdl:output>
      <wsdl:fault name="HubFault"><${prefix}:fault name="HubFault" use="literal"/></wsdl:fault>
    </wsdl:operation>
  </wsdl:binding>`;

/** The WSDL (SOAP 1.1 and 1.2 ports) importing the XSD at `schemaLocation`. */
export const generateOutcomesWsdl = (): string => `<?xml version="1.0" encoding="UTF-8"?>
<!--
  TAREKS Hub: inspection outcomes service (document/literal wrapped, WS-I Basic Profile 1.1 for the SOAP 1.1 port).
  The SOAP equivalent of POST /v1/outcomes. Types in ${OUTCOMES_XSD_FILE}, generated from the JSON contracts.
  Authentication: HTTP header X-API-Key, or a WS-Security UsernameToken (Username = client id, Password = API key, PasswordText);
  the key needs scope outcomes:write. Faults carry tns:HubFault (code, message, details with element paths).
-->
<wsdl:definitions name="Outcomes"
    targetNamespace="${OUTCOMES_TNS}"
    xmlns:tns="${OUTCOMES_TNS}"
    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <wsdl:documentation>TAREKS Hub denetim sonuçları servisi / inspection outcomes service: RecordOutcome.</wsdl:documentation>
  <wsdl:types>
    <xs:schema>
      <xs:import namespace="${OUTCOMES_TNS}" schemaLocation="${OUTCOMES_XSD_FILE}"/>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="RecordOutcomeRequest"><wsdl:part name="parameters" element="tns:RecordOutcome"/></wsdl:message>
  <wsdl:message name="RecordOutcomeResponse"><wsdl:part name="parameters" element="tns:RecordOutcomeResponse"/></wsdl:message>
  <wsdl:message name="HubFault"><wsdl:part name="fault" element="tns:HubFault"/></wsdl:message>
  <wsdl:portType name="OutcomesPortType">
    <wsdl:operation name="RecordOutcome">
      <wsdl:documentation>Record COMPLIANT / NON_COMPLIANT for one decided item.</wsdl:documentation>
      <wsdl:input message="tns:RecordOutcomeRequest"/>
      <wsdl:output message="tns:RecordOutcomeResponse"/>
      <wsdl:fault name="HubFault" message="tns:HubFault"/>
    </wsdl:operation>
  </wsdl:portType>${binding('soap', 'OutcomesSoap11Binding')}${binding('soap12', 'OutcomesSoap12Binding')}
  <wsdl:service name="OutcomesService">
    <wsdl:port name="OutcomesSoap11Port" binding="tns:OutcomesSoap11Binding">
      <soap:address location="${OUTCOMES_WSDL_ADDRESS_PLACEHOLDER}"/>
    </wsdl:port>
    <wsdl:port name="OutcomesSoap12Port" binding="tns:OutcomesSoap12Binding">
      <soap12:address location="${OUTCOMES_WSDL_ADDRESS_PLACEHOLDER}"/>
    </wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;
