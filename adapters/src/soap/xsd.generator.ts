import {
  Conformity, CountryCode, CurrencyCode, CustomsOffice, Decision, DecisionTimings, Declaration, DeclarationId,
  DeclarationState, DeclarationStatus, DocumentAttachment, DocumentRef, DocumentType, Domain, ErrorDetail, Gtip, Item, ItemDecision, Kind,
  Lane, LocalizedText, Money, Reason, Receipt, Representative, SelectionCause, Sha256, TaxId, Tckn, Trader, Unit, Version,
} from '@tareks/schemas';
import { enumValues, isRequired, kindOf, singular, type SchemaNode } from './schema-node.js';
import { GLOBAL_ELEMENTS } from './soap-operations.js';
import { TNS } from './soap.constants.js';
import { escapeXml } from './xml-mapping.js';

/** Contract nodes that become named XSD types (toolkits turn them into classes); every other node is written inline. */
const NAMED = new Map<unknown, string>([
  [Declaration, 'Declaration'], [Trader, 'Trader'], [Representative, 'Representative'], [Item, 'Item'], [Money, 'Money'],
  [Conformity, 'Conformity'], [DocumentRef, 'DocumentRef'], [Decision, 'Decision'], [ItemDecision, 'ItemDecision'],
  [Reason, 'Reason'], [LocalizedText, 'LocalizedText'], [DecisionTimings, 'DecisionTimings'], [Receipt, 'Receipt'],
  [DeclarationState, 'DeclarationState'], [ErrorDetail, 'ErrorDetail'],
  [DocumentAttachment, 'DocumentAttachment'],
  [Tckn, 'Tckn'], [TaxId, 'TaxId'], [Gtip, 'Gtip'], [CountryCode, 'CountryCode'], [CurrencyCode, 'CurrencyCode'],
  [CustomsOffice, 'CustomsOffice'], [DeclarationId, 'DeclarationId'], [Version, 'Version'], [Sha256, 'Sha256'],
  [Kind, 'Kind'], [Domain, 'Domain'], [Lane, 'Lane'], [Unit, 'Unit'], [DocumentType, 'DocumentType'],
  [SelectionCause, 'SelectionCause'], [DeclarationStatus, 'DeclarationStatus'],
]);

// TypeBox's Optional() copies the node, so a copy is recognised by its shape.
const NAMED_BY_SHAPE = new Map([...NAMED].map(([node, name]) => [JSON.stringify(node), name]));
const nameOf = (node: SchemaNode): string | undefined => NAMED.get(node) ?? NAMED_BY_SHAPE.get(JSON.stringify(node));

/** Our string formats as XSD patterns: the shape only; check digits and code lists are checked after mapping. */
const FORMAT_PATTERNS: Readonly<Record<string, string>> = {
  tckn: '[1-9][0-9]{10}',
  'tax-id': '[0-9]{10}|[1-9][0-9]{10}',
  gtip: '[0-9]{12}',
  'iso-country': '[A-Z]{2}',
  'iso-currency': '[A-Z]{3}',
};

function xsdPattern(node: SchemaNode): string | undefined {
  if (node.format) {
    const p = FORMAT_PATTERNS[node.format];
    if (!p) throw new TypeError(`format '${node.format}' has no XSD pattern`);
    return p;
  }
  if (node.pattern === undefined) return undefined;
  if (!node.pattern.startsWith('^') || !node.pattern.endsWith('$')) throw new TypeError(`pattern ${node.pattern} must be anchored`);
  return node.pattern.slice(1, -1);
}

/** Base type and facets of a scalar node. */
function restriction(node: SchemaNode): { base: string; facets: string[] } {
  const facet = (name: string, value: unknown): string => `<xs:${name} value="${escapeXml(String(value))}"/>`;
  const facets: string[] = [];
  switch (kindOf(node)) {
    case 'boolean':
      return { base: 'xs:boolean', facets };
    case 'integer':
    case 'number': {
      if (node.minimum !== undefined) facets.push(facet('minInclusive', node.minimum));
      if (node.exclusiveMinimum !== undefined) facets.push(facet('minExclusive', node.exclusiveMinimum));
      if (node.maximum !== undefined) facets.push(facet('maxInclusive', node.maximum));
      return { base: kindOf(node) === 'integer' ? 'xs:int' : 'xs:double', facets };
    }
    default: {
      if (node.format === 'date-time') return { base: 'xs:dateTime', facets };
      if (node.contentEncoding === 'base64') return { base: 'xs:base64Binary', facets };
      for (const v of enumValues(node) ?? []) facets.push(facet('enumeration', v));
      if (node.minLength !== undefined) facets.push(facet('minLength', node.minLength));
      if (node.maxLength !== undefined) facets.push(facet('maxLength', node.maxLength));
      const pattern = xsdPattern(node);
      if (pattern !== undefined) facets.push(facet('pattern', pattern));
      return { base: 'xs:string', facets };
    }
  }
}

class XsdWriter {
  readonly lines: string[] = [];
  private readonly queued: (readonly [string, SchemaNode])[] = [];
  private readonly written = new Set<string>();

  line(depth: number, text: string): void {
    this.lines.push('  '.repeat(depth) + text);
  }

  annotation(depth: number, node: SchemaNode): void {
    if (node.description) this.line(depth, `<xs:annotation><xs:documentation>${escapeXml(node.description)}</xs:documentation></xs:annotation>`);
  }

  /** The `type` attribute of a node written by reference, or undefined when it must be written inline. */
  typeRef(node: SchemaNode): string | undefined {
    const name = nameOf(node);
    if (name) {
      if (!this.written.has(name)) {
        this.written.add(name);
        this.queued.push([name, node]);
      }
      return `tns:${name}`;
    }
    if (node.format === 'date-time') return 'xs:dateTime';
    if (kindOf(node) === 'object' || kindOf(node) === 'array') return undefined;
    const { base, facets } = restriction(node);
    return facets.length ? undefined : base;
  }

  element(depth: number, name: string, node: SchemaNode, occurs: string): void {
    const ref = this.typeRef(node);
    if (ref) {
      this.line(depth, `<xs:element name="${name}" type="${ref}"${occurs}/>`);
      return;
    }
    this.line(depth, `<xs:element name="${name}"${occurs}>`);
    this.annotation(depth + 1, node);
    this.anonymousType(depth + 1, name, node);
    this.line(depth, '</xs:element>');
  }

  anonymousType(depth: number, name: string, node: SchemaNode): void {
    switch (kindOf(node)) {
      case 'object':
        this.line(depth, '<xs:complexType>');
        this.sequence(depth + 1, node);
        this.line(depth, '</xs:complexType>');
        return;
      case 'array': {
        const max = node.maxItems === undefined ? 'unbounded' : String(node.maxItems);
        this.line(depth, '<xs:complexType>');
        this.line(depth + 1, '<xs:sequence>');
        this.element(depth + 2, singular(name), node.items!, ` minOccurs="${node.minItems ?? 0}" maxOccurs="${max}"`);
        this.line(depth + 1, '</xs:sequence>');
        this.line(depth, '</xs:complexType>');
        return;
      }
      default:
        this.simpleContent(depth, node);
    }
  }

  simpleContent(depth: number, node: SchemaNode, name?: string): void {
    const { base, facets } = restriction(node);
    this.line(depth, name ? `<xs:simpleType name="${name}">` : '<xs:simpleType>');
    if (name) this.annotation(depth + 1, node);
    this.line(depth + 1, `<xs:restriction base="${base}">`);
    for (const f of facets) this.line(depth + 2, f);
    this.line(depth + 1, '</xs:restriction>');
    this.line(depth, '</xs:simpleType>');
  }

  sequence(depth: number, node: SchemaNode): void {
    this.line(depth, '<xs:sequence>');
    for (const [name, prop] of Object.entries(node.properties ?? {})) {
      this.element(depth + 1, name, prop, isRequired(node, name) ? '' : ' minOccurs="0"');
    }
    this.line(depth, '</xs:sequence>');
  }

  namedTypes(depth: number): void {
    for (let next = this.queued.shift(); next; next = this.queued.shift()) {
      const [name, node] = next;
      if (kindOf(node) !== 'object') {
        this.simpleContent(depth, node, name);
        continue;
      }
      this.line(depth, `<xs:complexType name="${name}">`);
      this.annotation(depth + 1, node);
      this.sequence(depth + 1, node);
      this.line(depth, '</xs:complexType>');
    }
  }
}

/** The XSD of the SOAP contract, derived from the TypeBox contracts so the two never drift (see `xsd.cli.ts`). */
export function generateXsd(): string {
  return generateXsdFor(TNS, GLOBAL_ELEMENTS, 'adapters/src/soap/xsd.cli.ts');
}

/** The XSD of another SOAP contract of ours: its global elements in its own namespace, named types written into it. */
export function generateXsdFor(tns: string, elements: readonly (readonly [string, SchemaNode])[], generatedBy: string): string {
  const w = new XsdWriter();
  w.line(0, '<?xml version="1.0" encoding="UTF-8"?>');
  w.line(0, `<!-- Generated from the TypeBox contracts by ${generatedBy}; do not edit by hand. -->`);
  w.line(0, `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="${tns}" targetNamespace="${tns}" elementFormDefault="qualified" attributeFormDefault="unqualified" version="1">`);
  for (const [name, node] of elements) w.element(1, name, node, '');
  w.namedTypes(1);
  w.line(0, '</xs:schema>');
  return `${w.lines.join('\n')}\n`;
}
