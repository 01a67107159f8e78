import { INPUT_ERROR_CODES as C, type ErrorDetail } from '@tareks/schemas';
import { attributeOf, type XmlElement } from './safe-xml.parser.js';
import { kindOf, propertyOf, singular, type SchemaNode } from './schema-node.js';
import { TNS, XSI } from './soap.constants.js';

const INTEGER = /^\s*[+-]?[0-9]+\s*$/;
const DOUBLE = /^\s*[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$/;
const BOOLEAN = new Map([['true', true], ['false', false], ['1', true], ['0', false]]);

const detail = (code: string, pointer: string, message: string): ErrorDetail => ({ code, pointer, message });
const isNil = (el: XmlElement): boolean => ['true', '1'].includes(attributeOf(el, XSI, 'nil')?.trim() ?? '');

function checkNoForeignAttributes(el: XmlElement, path: string, errors: ErrorDetail[]): void {
  for (const a of el.attributes) {
    if (a.ns !== XSI) errors.push(detail(C.unknownField, `${path}/@${a.local}`, `unknown attribute '${a.local}'`));
  }
}

function scalarToJson(node: SchemaNode, el: XmlElement, path: string, errors: ErrorDetail[]): unknown {
  if (el.children.length) {
    errors.push(detail(C.type, path, 'must hold text, not child elements'));
    return undefined;
  }
  const text = el.text;
  switch (kindOf(node)) {
    case 'integer': {
      const n = Number(text);
      if (INTEGER.test(text) && Number.isSafeInteger(n)) return n;
      errors.push(detail(C.type, path, `must be an integer, got '${text.slice(0, 40)}'`));
      return undefined;
    }
    case 'number':
      if (DOUBLE.test(text)) return Number(text);
      errors.push(detail(C.type, path, `must be a number, got '${text.slice(0, 40)}'`));
      return undefined;
    case 'boolean': {
      const b = BOOLEAN.get(text.trim());
      if (b !== undefined) return b;
      errors.push(detail(C.type, path, `must be true or false, got '${text.slice(0, 40)}'`));
      return undefined;
    }
    default:
      return text;
  }
}

function objectToJson(node: SchemaNode, el: XmlElement, path: string, errors: ErrorDetail[]): Record<string, unknown> {
  if (el.text.trim()) errors.push(detail(C.type, path, 'must hold child elements, not text'));
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const child of el.children) {
    const childPath = `${path}/${child.local}`;
    const prop = child.ns === TNS ? propertyOf(node, child.local) : undefined;
    if (!prop) {
      errors.push(detail(C.unknownField, childPath, child.ns === TNS ? `unknown element '${child.local}'` : `unknown element '${child.local}' in namespace '${child.ns}'`));
      continue;
    }
    if (seen.has(child.local)) {
      errors.push(detail(C.unknownField, childPath, `element '${child.local}' appears more than once`));
      continue;
    }
    seen.add(child.local);
    if (isNil(child)) continue;
    const value = xmlToJson(prop, child, childPath, errors);
    if (value !== undefined) out[child.local] = value;
  }
  return out;
}

function arrayToJson(node: SchemaNode, name: string, el: XmlElement, path: string, errors: ErrorDetail[]): unknown[] {
  if (el.text.trim()) errors.push(detail(C.type, path, 'must hold child elements, not text'));
  const itemName = singular(name);
  const out: unknown[] = [];
  el.children.forEach((child, i) => {
    const childPath = `${path}/${child.local}[${i + 1}]`;
    if (child.ns !== TNS || child.local !== itemName) {
      errors.push(detail(C.unknownField, childPath, `expected element '${itemName}'`));
      return;
    }
    out.push(xmlToJson(node.items!, child, childPath, errors));
  });
  return out;
}

/**
 * Maps an element to the JSON value its schema node describes. Problems (unknown elements, type mismatches) are
 * appended to `errors` with their element path; what cannot be mapped is left out for the validator to report.
 */
export function xmlToJson(node: SchemaNode, el: XmlElement, path: string, errors: ErrorDetail[]): unknown {
  checkNoForeignAttributes(el, path, errors);
  switch (kindOf(node)) {
    case 'object':
      return objectToJson(node, el, path, errors);
    case 'array':
      return arrayToJson(node, el.local, el, path, errors);
    default:
      return scalarToJson(node, el, path, errors);
  }
}

// Code points XML 1.0 cannot carry at all: control characters except tab, LF, CR, and unpaired surrogates.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export const escapeXml = (s: string): string => s.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function scalarToXml(value: unknown): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as XML`);
    return String(value);
  }
  return escapeXml(String(value));
}

/** Writes a JSON value as the element `name` in our namespace (prefix `tns`), children in schema order. */
export function jsonToXml(node: SchemaNode, name: string, value: unknown): string {
  const open = `<tns:${name}>`;
  const close = `</tns:${name}>`;
  switch (kindOf(node)) {
    case 'object': {
      const obj = value as Record<string, unknown>;
      const inner = Object.entries(node.properties ?? {})
        .filter(([k]) => obj[k] !== undefined)
        .map(([k, prop]) => jsonToXml(prop, k, obj[k]))
        .join('');
      return open + inner + close;
    }
    case 'array': {
      const itemName = singular(name);
      return open + (value as unknown[]).map((v) => jsonToXml(node.items!, itemName, v)).join('') + close;
    }
    default:
      return open + scalarToXml(value) + close;
  }
}

const decodeSegment = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');

/** `/items/0/gtip` under root `SubmitDeclaration/declaration` → `SubmitDeclaration/declaration/items/item[1]/gtip`. */
export function pointerToElementPath(root: SchemaNode, rootPath: string, pointer: string): string {
  let node: SchemaNode | undefined = root;
  let path = rootPath;
  let name = rootPath.split('/').at(-1) ?? '';
  for (const raw of pointer.split('/').slice(1)) {
    const segment = decodeSegment(raw);
    if (node && kindOf(node) === 'array' && /^[0-9]+$/.test(segment)) {
      path += `/${singular(name)}[${Number(segment) + 1}]`;
      node = node.items;
      continue;
    }
    node = propertyOf(node, segment);
    path += `/${segment}`;
    name = segment;
  }
  return path;
}
