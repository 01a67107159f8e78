import diff from 'microdiff';
import type { ReplayChange } from '@tareks/schemas';

/** Differences kept per replay record: enough to see what an admin corrected, bounded so the history stays small. */
const MAX_CHANGES = 50;
/** Longest value kept per side of a change, characters of JSON. */
const MAX_VALUE_CHARS = 200;

const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
};

const pointer = (path: ReadonlyArray<string | number>): string => path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null;

/** What an edited payload changed in the dead letter's declaration, as JSON pointers with old and new values. */
export function replayChanges(original: unknown, edited: unknown): ReplayChange[] {
  if (!isContainer(original) || !isContainer(edited)) {
    return JSON.stringify(original) === JSON.stringify(edited) ? [] : [{ pointer: '', ...(original === undefined ? {} : { before: shown(original) }), after: shown(edited) }];
  }
  return diff(original, edited)
    .slice(0, MAX_CHANGES)
    .map((d) => ({
      pointer: pointer(d.path),
      ...(d.type !== 'CREATE' ? { before: shown(d.oldValue) } : {}),
      ...(d.type !== 'REMOVE' ? { after: shown(d.value) } : {}),
    }));
}
