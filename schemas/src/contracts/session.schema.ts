import { Type, type Static } from 'typebox';
import { DateTime } from './common.schema.js';
import { UserView } from './user.schema.js';

/** The session cookie (signed, httpOnly, SameSite=Strict) and the header every state-changing request repeats the CSRF token in. */
export const SESSION_COOKIE = 'tareks_session';
export const CSRF_HEADER = 'x-csrf-token';

export const LoginRequest = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

export const SessionInfo = Type.Object(
  {
    user: UserView,
    csrfToken: Type.String({ description: `Send it back in the ${CSRF_HEADER} header on every POST, PUT, PATCH and DELETE` }),
    expiresAt: DateTime,
  },
  { additionalProperties: false },
);
export type SessionInfo = Static<typeof SessionInfo>;
