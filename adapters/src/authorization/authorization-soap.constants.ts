/** Target namespace of the authorization SOAP contract (`schemas/wsdl/authorizations.*`). */
export const AUTHZ_TNS = 'urn:tareks:hub:authorizations:v1';
export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

export const AUTHZ_WSDL_FILE = 'authorizations.wsdl';
export const AUTHZ_XSD_FILE = 'authorizations.xsd';
/** Placeholder address in the WSDL on disk, replaced by the URL the client reached us at. */
export const AUTHZ_WSDL_ADDRESS_PLACEHOLDER = 'http://localhost/soap/authorizations';
