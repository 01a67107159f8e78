import { Type, type Static } from 'typebox';

/** One problem with the input, located by JSON pointer (REST) or element path (SOAP). */
export const ErrorDetail = Type.Object(
  {
    code: Type.String({ description: 'Stable code, e.g. HUB_ERR_TCKN_INVALID' }),
    pointer: Type.String({ description: 'RFC 6901 JSON pointer (REST) or XML element path (SOAP)' }),
    message: Type.String(),
  },
  { additionalProperties: false },
);
export type ErrorDetail = Static<typeof ErrorDetail>;

export const ApiError = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String(),
        message: Type.String(),
        details: Type.Optional(Type.Array(ErrorDetail)),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ApiError = Static<typeof ApiError>;
