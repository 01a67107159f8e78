import { Type, type Static } from 'typebox';
import { DateTime } from './common.schema.js';
import { Declaration } from './declaration.schema.js';

export const IngestProtocol = Type.Union([Type.Literal('REST'), Type.Literal('SOAP'), Type.Literal('REPLAY')]);
export type IngestProtocol = Static<typeof IngestProtocol>;

/** The message published on `<ns>.decl.received` once an edge adapter accepted a declaration. */
export const ReceivedDeclaration = Type.Object(
  {
    declaration: Declaration,
    receivedAt: DateTime,
    clientId: Type.String(),
    protocol: IngestProtocol,
  },
  { additionalProperties: false },
);
export type ReceivedDeclaration = Static<typeof ReceivedDeclaration>;
