import { Type, type Static } from 'typebox';
import { DateTime } from './common.schema.js';
import { CallbackTarget } from './callback.schema.js';

export const API_SCOPES = ['declarations:write', 'declarations:read', 'outcomes:write', 'admin'] as const;
export const ApiScope = Type.Enum(API_SCOPES);
export type ApiScope = Static<typeof ApiScope>;

export const ClientId = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,62}$', description: 'Stable name of the customs system or tool' });

/** An API client as admins see it: never its key, never its callback secret. */
export const ApiClientView = Type.Object(
  {
    clientId: Type.String(),
    scopes: Type.Array(ApiScope),
    createdAt: DateTime,
    updatedAt: Type.Optional(DateTime),
    revokedAt: Type.Optional(DateTime),
    callback: Type.Optional(CallbackTarget),
  },
  { additionalProperties: false },
);
export type ApiClientView = Static<typeof ApiClientView>;

export const CreateApiClientRequest = Type.Object(
  {
    clientId: ClientId,
    scopes: Type.Array(ApiScope, { minItems: 1, uniqueItems: true }),
    callback: Type.Optional(CallbackTarget),
  },
  { additionalProperties: false },
);
export type CreateApiClientRequest = Static<typeof CreateApiClientRequest>;

export const UpdateApiClientRequest = Type.Object(
  {
    scopes: Type.Optional(Type.Array(ApiScope, { minItems: 1, uniqueItems: true })),
    callback: Type.Optional(Type.Union([CallbackTarget, Type.Null()], { description: 'null removes the callback' })),
    rotateCallbackSecret: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateApiClientRequest = Static<typeof UpdateApiClientRequest>;

/** Answer of create/update: the new API key and webhook secret are shown once, then only their use is possible. */
export const ApiClientSecrets = Type.Object(
  {
    client: ApiClientView,
    apiKey: Type.Optional(Type.String()),
    callbackSecret: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type ApiClientSecrets = Static<typeof ApiClientSecrets>;
