import { SaxesParser } from 'saxes';
import { INPUT_ERROR_CODES } from '@tareks/schemas';
import { SoapFault } from './soap-fault.js';

export interface XmlAttribute {
  readonly ns: string;
  readonly local: string;
  readonly value: string;
}

/** A namespace-resolved element: what the mapping needs, nothing of the XML infoset beyond it. */
export interface XmlElement {
  readonly ns: string;
  readonly local: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: XmlElement[];
  /** Character data directly inside this element (text and CDATA), untrimmed. */
  text: string;
}

/** Deepest nesting accepted; our contract is 8 levels deep under the SOAP Body, so this only stops abuse. */
const MAX_DEPTH = 40;
/** A DTD is how XXE and entity-expansion attacks start; we refuse it before the parser sees a byte. */
const DTD = /<!\s*(DOCTYPE|ENTITY)/i;
const XMLNS = 'http://www.w3.org/2000/xmlns/';

const dtdRefused = (): SoapFault =>
  new SoapFault(INPUT_ERROR_CODES.xmlDtd, 'DTD ve varlık tanımları kabul edilmez / DOCTYPE and ENTITY declarations are refused', 'Client');

/**
 * Parses one XML document into a namespace-resolved tree. DOCTYPE/ENTITY are refused (never expanded), only the
 * five predefined and numeric character references are known, and any well-formedness error is a fault.
 */
export function parseXml(text: string): XmlElement {
  if (DTD.test(text)) throw dtdRefused();
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('doctype', () => {
    throw dtdRefused();
  });
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_DEPTH) throw new SoapFault(INPUT_ERROR_CODES.malformedXml, `XML çok derin / XML nested deeper than ${MAX_DEPTH}`, 'Client');
    const attributes = Object.values(tag.attributes)
      .filter((a) => a.uri !== XMLNS)
      .map((a) => ({ ns: a.uri, local: a.local, value: a.value }));
    const el: XmlElement = { ns: tag.uri, local: tag.local, attributes, children: [], text: '' };
    stack.at(-1)?.children.push(el);
    root ??= el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const onText = (t: string): void => {
    const top = stack.at(-1);
    if (top) top.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof SoapFault) throw err;
    throw new SoapFault(INPUT_ERROR_CODES.malformedXml, `Geçersiz XML / Malformed XML: ${(err as Error).message}`, 'Client', [], { cause: err });
  }
  if (!root) throw new SoapFault(INPUT_ERROR_CODES.malformedXml, 'Boş belge / Empty XML document', 'Client');
  return root;
}

export const attributeOf = (el: XmlElement, ns: string, local: string): string | undefined =>
  el.attributes.find((a) => a.ns === ns && a.local === local)?.value;
