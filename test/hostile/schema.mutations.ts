import { Declaration, INPUT_ERROR_CODES as C } from '@tareks/schemas';
import { hostileBase, removeAt, setValue, type Json, type JsonObject, type Mutation } from './mutation.js';

/** The part of JSON Schema the declaration contract uses. */
interface Node {
  readonly type?: string;
  readonly enum?: readonly string[];
  readonly properties?: Readonly<Record<string, Node>>;
  readonly required?: readonly string[];
  readonly items?: Node;
}

interface Field {
  readonly pointer: string;
  readonly node: Node;
  readonly value: Json;
}

/** Every field present in the base declaration (first element of each array), with its schema node. */
function fields(): Field[] {
  const out: Field[] = [];
  const visit = (node: Node, value: Json, pointer: string): void => {
    if (pointer) out.push({ pointer, node, value });
    if (node.type === 'object') {
      for (const [k, sub] of Object.entries(node.properties ?? {})) {
        const v = (value as JsonObject)[k];
        if (v !== undefined) visit(sub, v, `${pointer}/${k}`);
      }
    } else if (node.type === 'array' && Array.isArray(value) && value.length) {
      visit(node.items!, value[0]!, `${pointer}/0`);
    }
  };
  visit(Declaration as Node, hostileBase() as unknown as Json, '');
  return out;
}

const objects = (): Field[] => [
  { pointer: '', node: Declaration as Node, value: null },
  ...fields().filter((f) => f.node.type === 'object'),
];

/** Every required field removed, at every object level. */
export function requiredRemoved(): Mutation[] {
  return objects().flatMap(({ pointer, node }) =>
    (node.required ?? []).map((k) => ({
      name: `required ${pointer}/${k} removed`,
      apply: (d: JsonObject) => removeAt(d, `${pointer}/${k}`),
      pointer: `${pointer}/${k}`,
      code: C.required,
      xml: true,
    })),
  );
}

/** An unknown field at every object level (root, trader, representative, item, value, conformity, document). */
export function unknownFields(): Mutation[] {
  return objects().map(({ pointer }) => setValue(`unknown field in ${pointer || '/'}`, `${pointer}/unexpectedField`, 'x', C.unknownField));
}

/** Every enumeration given a value of the wrong case and one that does not exist. */
export function enumsWrong(): Mutation[] {
  return fields()
    .filter((f) => f.node.enum)
    .flatMap(({ pointer, value }) => [
      setValue(`enum ${pointer} lower-cased`, pointer, String(value).toLowerCase(), C.enum),
      setValue(`enum ${pointer} unknown value`, pointer, 'NOT_IN_THE_LIST', C.enum),
    ]);
}

/** A value of the wrong JSON type for the schema type, and null. Enumerations carry no type: they answer "not allowed". */
function wrongTypeValues(node: Node): Json[] {
  switch (node.type) {
    case 'integer':
      return ['7', 1.5];
    case 'number':
      return ['7'];
    case 'boolean':
      return ['true'];
    case 'object':
      return [[]];
    case 'array':
      return [{}];
    default:
      return [12345];
  }
}

/** Wrong JSON types for every field of the declaration, and null for each (JSON only: XML has no types on the wire). */
export function wrongJsonTypes(): Mutation[] {
  return fields().flatMap(({ pointer, node }) => {
    const code = node.enum ? C.enum : C.type;
    return [...wrongTypeValues(node), null].map((v) => setValue(`type ${pointer} = ${JSON.stringify(v)}`, pointer, v, code, false));
  });
}
