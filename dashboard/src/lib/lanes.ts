import type { Lane } from '@tareks/schemas';

/** Lanes in display order. Kept here because the dashboard imports only types from `@tareks/schemas`. */
export const LANE_ORDER = ['GREEN', 'YELLOW', 'RED'] as const satisfies readonly Lane[];
