/** Stable error codes of the edge: callers branch on these, never on message text. */
export const INPUT_ERROR_CODES = {
  required: 'HUB_ERR_FIELD_REQUIRED',
  unknownField: 'HUB_ERR_FIELD_UNKNOWN',
  type: 'HUB_ERR_TYPE_MISMATCH',
  enum: 'HUB_ERR_VALUE_NOT_ALLOWED',
  pattern: 'HUB_ERR_PATTERN_MISMATCH',
  range: 'HUB_ERR_OUT_OF_RANGE',
  length: 'HUB_ERR_LENGTH',
  tckn: 'HUB_ERR_TCKN_INVALID',
  taxId: 'HUB_ERR_TAX_ID_INVALID',
  gtip: 'HUB_ERR_GTIP_INVALID',
  country: 'HUB_ERR_COUNTRY_INVALID',
  currency: 'HUB_ERR_CURRENCY_INVALID',
  format: 'HUB_ERR_FORMAT',
  duplicateItemNo: 'HUB_ERR_DUPLICATE_ITEM_NO',
  malformedJson: 'HUB_ERR_MALFORMED_JSON',
  malformedXml: 'HUB_ERR_MALFORMED_XML',
  xmlDtd: 'HUB_ERR_XML_DTD_REFUSED',
  bodyTooLarge: 'HUB_ERR_BODY_TOO_LARGE',
  unsupportedMedia: 'HUB_ERR_UNSUPPORTED_MEDIA_TYPE',
  staleVersion: 'HUB_ERR_STALE_VERSION',
} as const;

export const AUTH_ERROR_CODES = {
  missingKey: 'HUB_ERR_API_KEY_MISSING',
  invalidKey: 'HUB_ERR_API_KEY_INVALID',
  scope: 'HUB_ERR_SCOPE_DENIED',
  rateLimited: 'HUB_ERR_RATE_LIMITED',
} as const;

export const SERVICE_ERROR_CODES = {
  notFound: 'HUB_ERR_NOT_FOUND',
  busy: 'HUB_ERR_BUSY',
  unavailable: 'HUB_ERR_UNAVAILABLE',
  internal: 'HUB_ERR_INTERNAL',
} as const;

export type InputErrorCode = (typeof INPUT_ERROR_CODES)[keyof typeof INPUT_ERROR_CODES];
