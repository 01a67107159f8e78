import { Type, type Static } from 'typebox';
import { DateTime } from './common.schema.js';

/** Dashboard roles; the server enforces them on every HTTP route and socket.io event. */
export const USER_ROLES = ['operator', 'inspector', 'analyst', 'admin'] as const;
export const UserRole = Type.Enum(USER_ROLES, {
  description: 'operator: live flow and health; inspector: inspections; analyst: reports and risk map; admin: everything plus users, models, replays',
});
export type UserRole = Static<typeof UserRole>;

export const Username = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,63}$', description: 'Lower-case login name, 3–64 characters', examples: ['ayse.yildiz'] });
/** Length only: NIST SP 800-63B advises against composition rules; the KDF does the rest. */
export const Password = Type.String({ minLength: 12, maxLength: 256, description: 'At least 12 characters' });
const DisplayName = Type.String({ minLength: 1, maxLength: 120 });
const Roles = Type.Array(UserRole, { minItems: 1, maxItems: USER_ROLES.length, uniqueItems: true });

/** A user as the API shows it: never the password hash. */
export const UserView = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    roles: Roles,
    disabled: Type.Boolean(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);
export type UserView = Static<typeof UserView>;

export const NewUser = Type.Object(
  { username: Username, displayName: DisplayName, roles: Roles, password: Password },
  { additionalProperties: false },
);
export type NewUser = Static<typeof NewUser>;

export const UserUpdate = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    roles: Type.Optional(Roles),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Password),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserUpdate = Static<typeof UserUpdate>;
