import type { Declaration } from '@tareks/schemas';
import { sampleDeclaration } from '../src/support/fixtures.js';
import { HOSTILE_DOCUMENT } from './hostile-document.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One defect put into an otherwise valid declaration, with the code and JSON pointer the edge must report. */
export interface Mutation {
  readonly name: string;
  readonly apply: (d: JsonObject) => void;
  /** RFC 6901 pointer into the declaration (REST reports it as is, SOAP as an element path). */
  readonly pointer: string;
  readonly code: string;
  /** False when the defect exists only in JSON (a JSON type); XML carries every scalar as text. */
  readonly xml: boolean;
}

/** Regime letters no valid traffic uses, so a bad case's id can never collide with a valid declaration. */
const HOSTILE_REGIME = 'HX';
let serial = 0;

/** A valid-looking declaration id no other case and no valid declaration of the run carries. */
export const hostileId = (): string => `26341300${HOSTILE_REGIME}${String(++serial).padStart(6, '0')}`;

/** The valid declaration every defect is put into: all optional fields filled, one (uploaded) document reference. */
export function hostileBase(): Declaration {
  const d = sampleDeclaration({ id: hostileId() });
  d.trader = { ...d.trader, esbisNo: 'ESB12345' };
  d.items[0] = { ...d.items[0]!, model: 'PL-30' };
  d.documents = [{ ...HOSTILE_DOCUMENT }];
  return d;
}

const segments = (pointer: string): string[] => pointer.split('/').slice(1);

function parentOf(d: JsonObject, pointer: string): { parent: JsonObject | Json[]; key: string } {
  const keys = segments(pointer);
  let node: Json = d;
  for (const k of keys.slice(0, -1)) node = (node as JsonObject)[k]!;
  return { parent: node as JsonObject | Json[], key: keys.at(-1)! };
}

export const setAt = (d: JsonObject, pointer: string, value: Json): void => {
  const { parent, key } = parentOf(d, pointer);
  (parent as JsonObject)[key] = value;
};

export const removeAt = (d: JsonObject, pointer: string): void => {
  const { parent, key } = parentOf(d, pointer);
  delete (parent as JsonObject)[key];
};

export const getAt = (d: JsonObject, pointer: string): Json => {
  const { parent, key } = parentOf(d, pointer);
  return (parent as JsonObject)[key]!;
};

/** A mutation that sets one field to a bad value. */
export const setValue = (name: string, pointer: string, value: Json, code: string, xml = true): Mutation => ({
  name,
  apply: (d) => setAt(d, pointer, value),
  pointer,
  code,
  xml,
});

/** The base declaration with one mutation applied, as plain JSON. */
export function mutated(m: Mutation): JsonObject {
  const d = structuredClone(hostileBase()) as unknown as JsonObject;
  m.apply(d);
  return d;
}
