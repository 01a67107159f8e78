import { Type, type Static } from 'typebox';
import { CountryCode, DateTime, TaxId } from './common.schema.js';
import { AuditActor } from './audit.schema.js';

/** What an entry watches: a trader (VKN/TCKN), a GTİP prefix (2–12 digits), a brand, a country of origin. */
export const WATCH_LIST_KINDS = ['TRADER', 'GTIP_PREFIX', 'BRAND', 'ORIGIN'] as const;
export const WatchListKind = Type.Enum(WATCH_LIST_KINDS);
export type WatchListKind = Static<typeof WatchListKind>;

/** The value an entry of each kind must hold; checked after the shape, so its errors point at `/value`. */
export const WATCH_LIST_VALUES = {
  TRADER: TaxId,
  GTIP_PREFIX: Type.String({ pattern: '^([0-9]{2}){1,6}$', description: 'Chapter (2), heading (4), subheading (6) … full line (12)' }),
  BRAND: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
  ORIGIN: CountryCode,
} as const satisfies Record<WatchListKind, unknown>;

export const WatchListEntryInput = Type.Object(
  {
    kind: WatchListKind,
    value: Type.String({ minLength: 1, maxLength: 120, description: 'VKN/TCKN, GTİP prefix, brand or ISO 3166-1 alpha-2 code, by kind' }),
    reason: Type.String({ minLength: 1, maxLength: 500, description: 'Why it is watched (shown to inspectors, kept in the audit record)' }),
    until: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);
export type WatchListEntryInput = Static<typeof WatchListEntryInput>;

/** Reason and expiry of an existing entry (kind and value are its identity). */
export const WatchListEntryUpdate = Type.Object(
  { reason: WatchListEntryInput.properties.reason, until: Type.Optional(Type.Union([DateTime, Type.Null()])) },
  { additionalProperties: false },
);
export type WatchListEntryUpdate = Static<typeof WatchListEntryUpdate>;

export const WatchListEntryId = Type.String({ pattern: '^(trader|gtip_prefix|brand|origin)\\.[A-Za-z0-9_-]+$', description: '`<kind>.<base64url of the value>`' });

/** One stored entry: items matching it go to inspection with cause RULE until `until` (no end when absent). */
export const WatchListEntry = Type.Object(
  {
    id: WatchListEntryId,
    kind: WatchListKind,
    value: Type.String(),
    reason: Type.String(),
    until: Type.Optional(DateTime),
    addedBy: AuditActor,
    addedAt: DateTime,
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);
export type WatchListEntry = Static<typeof WatchListEntry>;

export const WatchListPage = Type.Object({ entries: Type.Array(WatchListEntry) }, { additionalProperties: false });
export type WatchListPage = Static<typeof WatchListPage>;
