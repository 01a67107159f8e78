import { Type, type Static } from 'typebox';
import { DateTime } from './common.schema.js';

/** Expected shares of items per lane; RED + YELLOW is the inspection budget. */
export const LaneCapacity = Type.Object(
  {
    red: Type.Number({ minimum: 0, maximum: 1, description: 'Share sent to physical inspection / lab test, e.g. 0.03' }),
    yellow: Type.Number({ minimum: 0, maximum: 1, description: 'Share sent to documentary check, e.g. 0.07' }),
  },
  { additionalProperties: false },
);
export type LaneCapacity = Static<typeof LaneCapacity>;

export const CapacityUpdate = Type.Object(
  {
    default: LaneCapacity,
    byKey: Type.Record(Type.String({ pattern: '^[0-9]{6}:(PRODUCT_SAFETY|AGRI_QUALITY)$' }), LaneCapacity, {
      description: 'Per `office:domain`, e.g. `341300:PRODUCT_SAFETY`',
    }),
    reason: Type.Optional(Type.String({ maxLength: 500, description: 'Why (kept in the audit record)' })),
  },
  { additionalProperties: false },
);
export type CapacityUpdate = Static<typeof CapacityUpdate>;

/** Lane capacity per office × domain, held in the settings KV; score workers follow it live. */
export const CapacitySettings = Type.Object(
  {
    default: LaneCapacity,
    byKey: Type.Record(Type.String(), LaneCapacity),
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);
export type CapacitySettings = Static<typeof CapacitySettings>;
