/** The subset of JSON Schema our TypeBox contracts use; the XSD, the XML mapping and element paths are all derived from it. */
export interface SchemaNode {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean;
  readonly items?: SchemaNode;
  readonly anyOf?: readonly SchemaNode[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  /** `base64` marks binary content: `xs:base64Binary` in the XSD. */
  readonly contentEncoding?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly description?: string;
}

export type NodeKind = 'object' | 'array' | 'integer' | 'number' | 'boolean' | 'string';

export function kindOf(node: SchemaNode): NodeKind {
  if (node.enum || node.anyOf) return 'string';
  switch (node.type) {
    case 'object':
    case 'array':
    case 'integer':
    case 'number':
    case 'boolean':
    case 'string':
      return node.type;
    default:
      throw new TypeError(`schema node of type ${String(node.type)} has no XML mapping`);
  }
}

/** Allowed values of an enumeration node (`enum`, or a union of string literals). */
export function enumValues(node: SchemaNode): readonly string[] | undefined {
  if (node.enum) return node.enum.map(String);
  return node.anyOf?.map((b) => String(b.const));
}

/** Arrays are a plural wrapper around singular children: `items/item`, `standards/standard`. */
export function singular(plural: string): string {
  if (!plural.endsWith('s')) throw new TypeError(`array field '${plural}' needs a plural name`);
  return plural.slice(0, -1);
}

/** The schema of a named property; element names come from the request, so inherited keys (`constructor`) never match. */
export const propertyOf = (node: SchemaNode | undefined, name: string): SchemaNode | undefined =>
  node?.properties && Object.hasOwn(node.properties, name) ? node.properties[name] : undefined;

export const isRequired = (parent: SchemaNode, name: string): boolean => parent.required?.includes(name) ?? false;
