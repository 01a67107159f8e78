/** Our one target namespace for every element of the customs-facing SOAP contract (`schemas/wsdl/declarations.*`). */
export const TNS = 'urn:tareks:hub:declarations:v1';
export const SOAP11_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_ENV = 'http://www.w3.org/2003/05/soap-envelope';
export const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
export const WSSE_PASSWORD_TEXT = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export const WSDL_FILE = 'declarations.wsdl';
export const XSD_FILE = 'declarations.xsd';
/** Placeholders in the WSDL on disk, replaced by URLs built from the request when served. */
export const WSDL_ADDRESS_PLACEHOLDER = 'http://localhost/soap/declarations';

export type SoapVersion = '1.1' | '1.2';
export const envelopeNs = (v: SoapVersion): string => (v === '1.1' ? SOAP11_ENV : SOAP12_ENV);
export const contentTypeOf = (v: SoapVersion): string =>
  v === '1.1' ? 'text/xml; charset=utf-8' : 'application/soap+xml; charset=utf-8';
