import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '@tareks/schemas';
import { parseXml } from '../../src/soap/safe-xml.parser.js';
import { SubmitDeclarationRequest, SubmitDeclarationResponse } from '../../src/soap/soap-operations.js';
import { readSubmitDeclaration } from '../../src/soap/soap-request.reader.js';
import { SoapFault } from '../../src/soap/soap-fault.js';
import { jsonToXml, pointerToElementPath, xmlToJson } from '../../src/soap/xml-mapping.js';
import { decisionFor, fullDeclaration } from './soap.fixtures.js';
import { RAW_DECLARATION, submitBody } from './soap.raw.js';

const NS = 'xmlns:tns="urn:tareks:hub:declarations:v1"';
/** Our writer uses the prefix `tns`; declare it on the root so the fragment parses on its own. */
const withNs = (xml: string): string => xml.replace(/^<tns:(\w+)>/, `<tns:$1 ${NS}>`);

function map(xml: string): { value: unknown; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const value = xmlToJson(SubmitDeclarationRequest, parseXml(xml), 'SubmitDeclaration', errors);
  return { value, errors };
}

function faultOf(xml: string): SoapFault {
  try {
    readSubmitDeclaration(parseXml(xml));
  } catch (err) {
    if (err instanceof SoapFault) return err;
    throw err;
  }
  throw new Error('expected a fault');
}

const replaced = (from: string, to: string): string => {
  if (!RAW_DECLARATION.includes(from)) throw new Error(`fixture lacks ${from}`);
  return submitBody(RAW_DECLARATION.replace(from, to));
};

describe('XML ↔ JSON mapping', () => {
  it('round-trips a declaration using every field', () => {
    const input = { declaration: fullDeclaration(), waitMs: 1500 };
    const xml = withNs(jsonToXml(SubmitDeclarationRequest, 'SubmitDeclaration', input));
    expect(map(xml)).toEqual({ value: input, errors: [] });
  });

  it('round-trips a response with receipt and decision (reasons, localized text, timings)', () => {
    const d = fullDeclaration();
    const input = {
      receipt: { id: d.id, version: d.version, status: 'DECIDED', receivedAt: '2026-11-24T10:15:31.000Z', statusUrl: '/x?a=1&b=2', duplicate: false },
      decision: decisionFor(d),
    };
    const xml = withNs(jsonToXml(SubmitDeclarationResponse, 'SubmitDeclarationResponse', input));
    const errors: ErrorDetail[] = [];
    expect(xmlToJson(SubmitDeclarationResponse, parseXml(xml), 'SubmitDeclarationResponse', errors)).toEqual(input);
    expect(errors).toEqual([]);
  });

  it('reads a hand-written declaration (prefixes, indentation, CDATA, references, 1/0 booleans, exponents)', () => {
    expect(map(submitBody())).toEqual({ value: { declaration: fullDeclaration() }, errors: [] });
  });

  it('writes arrays as plural wrappers with singular children, in schema order', () => {
    const xml = jsonToXml(SubmitDeclarationRequest, 'SubmitDeclaration', { declaration: fullDeclaration() });
    expect(xml).toContain('<tns:items><tns:item><tns:itemNo>1</tns:itemNo><tns:gtip>950300700000</tns:gtip>');
    expect(xml).toContain('<tns:standards><tns:standard>EN 71-1:2014+A1:2018</tns:standard><tns:standard>EN 71-3:2019</tns:standard></tns:standards>');
    expect(xml).toContain('<tns:standards></tns:standards>');
    expect(xml).toContain('<tns:name>Örnek Oyuncak İthalat A.Ş. &amp; &lt;Ortakları&gt;</tns:name>');
  });

  it.each([
    ['/declaration/items/0/gtip', 'SubmitDeclaration/declaration/items/item[1]/gtip'],
    ['/declaration/items/1/conformity/standards/0', 'SubmitDeclaration/declaration/items/item[2]/conformity/standards/standard[1]'],
    ['/declaration/documents/1/sha256', 'SubmitDeclaration/declaration/documents/document[2]/sha256'],
    ['/declaration/representative/tckn', 'SubmitDeclaration/declaration/representative/tckn'],
    ['/declaration/items', 'SubmitDeclaration/declaration/items'],
    ['/declaration/trader/un~1known', 'SubmitDeclaration/declaration/trader/un/known'],
    ['/waitMs', 'SubmitDeclaration/waitMs'],
  ])('translates the JSON pointer %s to the element path %s', (pointer, path) => {
    expect(pointerToElementPath(SubmitDeclarationRequest, 'SubmitDeclaration', pointer)).toBe(path);
  });
});

describe('declaration faults carry the code and the element path', () => {
  const P = 'SubmitDeclaration/declaration';
  it.each([
    ['wrong integer', '<d:version>2</d:version>', '<d:version>two</d:version>', 'HUB_ERR_TYPE_MISMATCH', `${P}/version`],
    ['fractional integer', '<d:itemNo>1</d:itemNo>', '<d:itemNo>1.5</d:itemNo>', 'HUB_ERR_TYPE_MISMATCH', `${P}/items/item[1]/itemNo`],
    ['wrong number', '<d:quantity>1200.50</d:quantity>', '<d:quantity>abc</d:quantity>', 'HUB_ERR_TYPE_MISMATCH', `${P}/items/item[1]/quantity`],
    ['wrong boolean', '<d:ceMarked>1</d:ceMarked>', '<d:ceMarked>yes</d:ceMarked>', 'HUB_ERR_TYPE_MISMATCH', `${P}/items/item[1]/conformity/ceMarked`],
    ['child elements in a scalar', '<d:customsOffice>341300</d:customsOffice>', '<d:customsOffice><d:x>1</d:x></d:customsOffice>', 'HUB_ERR_TYPE_MISMATCH', `${P}/customsOffice`],
    ['text in a complex element', '<d:trader>', '<d:trader>oops', 'HUB_ERR_TYPE_MISMATCH', `${P}/trader`],
    ['unknown element', '<d:brand>Minik</d:brand>', '<d:brand>Minik</d:brand><d:colour>red</d:colour>', 'HUB_ERR_FIELD_UNKNOWN', `${P}/items/item[1]/colour`],
    ['element in a foreign namespace', '<d:model>B-42</d:model>', '<model>B-42</model>', 'HUB_ERR_FIELD_UNKNOWN', `${P}/items/item[1]/model`],
    ['inherited property name', '<d:trader>', '<d:trader><d:constructor>x</d:constructor><d:__proto__/>', 'HUB_ERR_FIELD_UNKNOWN', `${P}/trader/constructor`],
    ['inherited name as boolean', '<d:ceMarked>1</d:ceMarked>', '<d:ceMarked>constructor</d:ceMarked>', 'HUB_ERR_TYPE_MISMATCH', `${P}/items/item[1]/conformity/ceMarked`],
    ['repeated element', '<d:unit>ADET</d:unit>', '<d:unit>ADET</d:unit><d:unit>KG</d:unit>', 'HUB_ERR_FIELD_UNKNOWN', `${P}/items/item[1]/unit`],
    ['wrong array child', '<d:standard>EN 71-3:2019</d:standard>', '<d:norm>EN 71-3:2019</d:norm>', 'HUB_ERR_FIELD_UNKNOWN', `${P}/items/item[1]/conformity/standards/norm[2]`],
    ['unknown attribute', '<d:trader>', '<d:trader secret="1">', 'HUB_ERR_FIELD_UNKNOWN', `${P}/trader/@secret`],
    ['invalid TCKN check digits', '<d:tckn>17291716060</d:tckn>', '<d:tckn>17291716061</d:tckn>', 'HUB_ERR_TCKN_INVALID', `${P}/representative/tckn`],
    ['invalid VKN check digit', '<d:taxId>4540536920</d:taxId>', '<d:taxId>4540536921</d:taxId>', 'HUB_ERR_TAX_ID_INVALID', `${P}/trader/taxId`],
    ['invalid GTİP chapter', '<d:gtip>640299980000</d:gtip>', '<d:gtip>770299980000</d:gtip>', 'HUB_ERR_GTIP_INVALID', `${P}/items/item[2]/gtip`],
    ['unknown country', '<d:originCountry>VN</d:originCountry>', '<d:originCountry>XX</d:originCountry>', 'HUB_ERR_COUNTRY_INVALID', `${P}/items/item[2]/originCountry`],
    ['unknown currency', '<d:currency>EUR</d:currency>', '<d:currency>EUX</d:currency>', 'HUB_ERR_CURRENCY_INVALID', `${P}/items/item[2]/value/currency`],
    ['enum value', '<d:unit>CIFT</d:unit>', '<d:unit>PAIR</d:unit>', 'HUB_ERR_VALUE_NOT_ALLOWED', `${P}/items/item[2]/unit`],
    ['pattern', '<d:customsOffice>341300</d:customsOffice>', '<d:customsOffice>34130</d:customsOffice>', 'HUB_ERR_PATTERN_MISMATCH', `${P}/customsOffice`],
    ['range', '<d:birthYear>1984</d:birthYear>', '<d:birthYear>1850</d:birthYear>', 'HUB_ERR_OUT_OF_RANGE', `${P}/representative/birthYear`],
    ['missing element', '<d:lastName>Çelik</d:lastName>', '', 'HUB_ERR_FIELD_REQUIRED', `${P}/representative/lastName`],
    ['date-time format', '2026-11-24T10:15:30.123Z', '24.11.2026', 'HUB_ERR_FORMAT', `${P}/submittedAt`],
    ['duplicate item number', '<d:itemNo>2</d:itemNo>', '<d:itemNo>1</d:itemNo>', 'HUB_ERR_DUPLICATE_ITEM_NO', `${P}/items/item[2]/itemNo`],
  ])('%s', (_name, from, to, code, path) => {
    const fault = faultOf(replaced(from, to));
    expect(fault.kind).toBe('Client');
    expect(fault.code).toBe(code);
    expect(fault.details).toContainEqual(expect.objectContaining({ code, pointer: path }));
  });

  it('reports every problem of one request, not only the first', () => {
    const xml = submitBody(RAW_DECLARATION.replace('<d:tckn>17291716060</d:tckn>', '<d:tckn>1</d:tckn>').replace('<d:gtip>950300700000</d:gtip>', '<d:gtip>12</d:gtip>'));
    expect(faultOf(xml).details.map((d) => d.pointer)).toEqual(expect.arrayContaining([`${P}/representative/tckn`, `${P}/items/item[1]/gtip`]));
  });

  it('treats xsi:nil on an optional element as absent', () => {
    const xml = replaced('<d:brand>Minik</d:brand>', '<d:brand xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>');
    const { brand: _brand, ...item } = fullDeclaration().items[0]!;
    expect(readSubmitDeclaration(parseXml(xml)).declaration.items[0]).toEqual(item);
  });

  it('checks waitMs like any other element', () => {
    const fault = faultOf(submitBody(RAW_DECLARATION, '<d:waitMs>-1</d:waitMs>'));
    expect(fault.details).toEqual([expect.objectContaining({ code: 'HUB_ERR_OUT_OF_RANGE', pointer: 'SubmitDeclaration/waitMs' })]);
  });
});
