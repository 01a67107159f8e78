import { Type, type Static } from 'typebox';
import { DateTime, Reason, TaxId, Tckn } from './common.schema.js';

export const AUTHORIZATION_ROLES = ['CUSTOMS_REPRESENTATIVE', 'EMPLOYEE', 'COMPANY_OFFICER'] as const;
export const AuthorizationRole = Type.Enum(AUTHORIZATION_ROLES);

export const AuthorizationRequest = Type.Object(
  {
    requestId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' }),
    applicant: Type.Object(
      {
        tckn: Tckn,
        firstName: Type.String({ minLength: 1, maxLength: 120 }),
        lastName: Type.String({ minLength: 1, maxLength: 120 }),
        birthYear: Type.Integer({ minimum: 1900, maximum: 2100 }),
      },
      { additionalProperties: false },
    ),
    trader: Type.Object(
      {
        taxId: Type.Optional(TaxId),
        mersisNo: Type.Optional(Type.String({ pattern: '^[0-9]{16}$' })),
        esbisNo: Type.Optional(Type.String({ pattern: '^[0-9A-Z]{6,20}$' })),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
    role: AuthorizationRole,
    validUntil: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);
export type AuthorizationRequest = Static<typeof AuthorizationRequest>;

export const AuthorizationStatus = Type.Union([Type.Literal('APPROVED'), Type.Literal('REJECTED'), Type.Literal('MANUAL_REVIEW')]);
export type AuthorizationStatus = Static<typeof AuthorizationStatus>;

export const AuthorizationResult = Type.Object(
  {
    requestId: Type.String(),
    status: AuthorizationStatus,
    reasons: Type.Array(Reason),
    decidedAt: DateTime,
  },
  { additionalProperties: false },
);
export type AuthorizationResult = Static<typeof AuthorizationResult>;
