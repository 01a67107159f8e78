import { Type, type Static } from 'typebox';
import { AuthorizationRequest, AuthorizationResult } from '../authorization.schema.js';

/** An authorization as stored (NATS KV, key = requestId): the signed request, who signed it and the decision. */
export const AuthorizationRecord = Type.Object(
  {
    request: AuthorizationRequest,
    result: AuthorizationResult,
    signature: Type.Object(
      {
        method: Type.Union([Type.Literal('XMLDSIG'), Type.Literal('JWS')]),
        signerTckn: Type.Optional(Type.String()),
        signerSubject: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type AuthorizationRecord = Static<typeof AuthorizationRecord>;
