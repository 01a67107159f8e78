import { INPUT_ERROR_CODES as C } from '@tareks/schemas';
import { utf8, type Expected, type HostileCase, type HostileRequest } from './hostile-case.js';
import { hostileBase, type Json } from './mutation.js';
import { invalidUtf8Variants } from './encoding.variants.js';
import { elementPath, envelope11, envelope12, SOAP11, submitXml } from './soap.builder.js';

const PATH = '/soap/declarations';
const TEXT_XML = 'text/xml; charset=utf-8';
const XI = 'http://www.w3.org/2001/XInclude';

const fault = (code: string, pointer?: string, faultCode = 'Client', status = 500): Expected => ({ status, code, faultCode, ...(pointer ? { pointer } : {}) });
const validEnvelope = (): string => envelope11(submitXml(hostileBase() as unknown as Json));

const c = (name: string, body: () => string | Uint8Array, expected: Expected, contentType = TEXT_XML): HostileCase => ({
  name: `SOAP ${name}`,
  protocol: 'SOAP',
  request: (k): HostileRequest => ({ method: 'POST', path: PATH, headers: { 'content-type': contentType, 'x-api-key': k.full }, body: body() }),
  expected,
});

/** An envelope whose brand is `&<entity>;` after the given DOCTYPE. */
const withDoctype = (doctype: string, entity?: string): string => {
  const xml = validEnvelope().replace('<?xml version="1.0" encoding="UTF-8"?>', `<?xml version="1.0" encoding="UTF-8"?>${doctype}`);
  return entity ? xml.replace('Şirin Ayıcık', `&${entity};`) : xml;
};

const BILLION_LAUGHS_ENTITIES = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');

/** Entity expansion and external entities in every spelling: all refused before any parsing. */
export function dtdAttacks(): HostileCase[] {
  const refused = fault(C.xmlDtd);
  return [
    c('billion laughs in the brand', () => withDoctype(`<!DOCTYPE soapenv:Envelope [${BILLION_LAUGHS_ENTITIES}]>`, 'lol9'), refused),
    c('quadratic blow-up (one big entity referenced 2 000 times)', () => withDoctype(`<!DOCTYPE e [<!ENTITY a "${'a'.repeat(50_000)}">]>`).replace('Şirin Ayıcık', '&a;'.repeat(2000)), refused),
    c('XXE file:///etc/shadow', () => withDoctype('<!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/shadow">]>', 'x'), refused),
    c('XXE to a loopback URL', () => withDoctype('<!DOCTYPE e [<!ENTITY x SYSTEM "http://127.0.0.1:9/secret">]>', 'x'), refused),
    c('XXE with a parameter entity', () => withDoctype('<!DOCTYPE e [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>'), refused),
    c('XXE via the expect: scheme', () => withDoctype('<!DOCTYPE e [<!ENTITY x SYSTEM "expect://id">]>', 'x'), refused),
    c('external DTD (SYSTEM)', () => withDoctype('<!DOCTYPE soapenv:Envelope SYSTEM "http://127.0.0.1:9/soap.dtd">'), refused),
    c('external DTD (PUBLIC)', () => withDoctype('<!DOCTYPE soapenv:Envelope PUBLIC "-//EVIL//DTD X//EN" "http://127.0.0.1:9/x.dtd">'), refused),
    c('empty internal DTD', () => withDoctype('<!DOCTYPE soapenv:Envelope []>'), refused),
    c('lower-case <!doctype>', () => withDoctype('<!doctype e [<!entity x "y">]>', 'x'), refused),
    c('DOCTYPE after whitespace and a comment', () => `\n<!-- başlık -->\n<!DOCTYPE e [<!ENTITY x "y">]>${validEnvelope().replace('<?xml version="1.0" encoding="UTF-8"?>', '')}`, refused),
    c('ENTITY declared inside the Body', () => validEnvelope().replace('<soapenv:Body>', '<soapenv:Body><!ENTITY x "y">'), refused),
    c('DOCTYPE in a SOAP 1.2 envelope', () => envelope12(submitXml(hostileBase() as unknown as Json)).replace('?>', '?><!DOCTYPE e [<!ENTITY x "y">]>'), fault(C.xmlDtd, undefined, 'Sender', 400), 'application/soap+xml; charset=utf-8'),
    c('billion laughs encoded as UTF-16', () => new Uint8Array(Buffer.from(`\uFEFF${withDoctype(`<!DOCTYPE e [${BILLION_LAUGHS_ENTITIES}]>`, 'lol9')}`, 'utf16le')), fault(C.malformedXml)),
  ];
}

/** XInclude never runs: an include element is only an element the contract does not know. */
export function xincludeAttacks(): HostileCase[] {
  const include = `<xi:include xmlns:xi="${XI}" href="file:///etc/passwd" parse="text"/>`;
  return [
    c('XInclude inside the declaration', () => validEnvelope().replace('<d:kind>', `${include}<d:kind>`), fault(C.unknownField, elementPath('/include'))),
    c('XInclude as a description', () => validEnvelope().replace('Pelüş oyuncak ayı, 30 cm', include), fault(C.type, elementPath('/items/0/description'))),
    c('XInclude with a fallback in the trader', () => validEnvelope().replace('<d:trader>', `<d:trader><xi:include xmlns:xi="${XI}" href="http://127.0.0.1:9/trader.xml"><xi:fallback>x</xi:fallback></xi:include>`), fault(C.unknownField, elementPath('/trader/include'))),
    c('XInclude as the operation', () => envelope11(include), fault(C.unknownField, 'include')),
    c('XInclude as a mustUnderstand header', () => envelope11(submitXml(hostileBase() as unknown as Json), `<xi:include xmlns:xi="${XI}" xmlns:s="${SOAP11}" s:mustUnderstand="1" href="file:///etc/passwd"/>`), fault(C.unknownField, 'Envelope/Header/include', 'MustUnderstand')),
  ];
}

/** Documents that are not well-formed XML, or not UTF-8. */
export function malformedXml(): HostileCase[] {
  const m = fault(C.malformedXml);
  const v = validEnvelope;
  return [
    c('truncated envelope', () => v().slice(0, Math.floor(v().length / 2)), m),
    c('mismatched closing tag', () => v().replace('</d:kind>', '</d:knd>'), m),
    c('two root elements', () => `${v()}<extra/>`, m),
    c('bare ampersand', () => v().replace('Pelüş', 'Pelüş & peluş'), m),
    c('< inside an attribute', () => v().replace('<soapenv:Body>', '<soapenv:Body id="a<b">'), m),
    c('duplicate attribute', () => v().replace('<soapenv:Body>', '<soapenv:Body a="1" a="2">'), m),
    c('undeclared prefix', () => v().replace('<d:kind>IMPORT</d:kind>', '<q:kind>IMPORT</q:kind>'), m),
    c('control character U+0001', () => v().replace('Pelüş', 'Pel\u0001'), m),
    c('character reference to U+0000', () => v().replace('Pelüş', 'Pel&#0;'), m),
    c('character reference to U+001F', () => v().replace('Pelüş', 'Pel&#x1F;'), m),
    c('undefined entity &nbsp;', () => v().replace('Pelüş', 'Pel&nbsp;'), m),
    c('-- inside a comment', () => v().replace('<soapenv:Body>', '<soapenv:Body><!-- a -- b -->'), m),
    c('unterminated comment', () => v().replace('<soapenv:Body>', '<soapenv:Body><!-- a'), m),
    c('unterminated CDATA', () => v().replace('Pelüş', '<![CDATA[Pelüş'), m),
    c('XML declaration after content', () => ` <x/>${v()}`, m),
    c('plain text', () => 'merhaba dünya', m),
    c('whitespace only', () => '  \n ', m),
    c('XML declaration only', () => '<?xml version="1.0" encoding="UTF-8"?>', m),
    c('nested 45 elements deep', () => v().replace('<d:kind>IMPORT</d:kind>', `${'<d:x>'.repeat(45)}${'</d:x>'.repeat(45)}<d:kind>IMPORT</d:kind>`), m),
    c('nested 100 000 elements deep', () => v().replace('<d:kind>IMPORT</d:kind>', `${'<d:x>'.repeat(100_000)}${'</d:x>'.repeat(100_000)}<d:kind>IMPORT</d:kind>`), m),
    ...invalidUtf8Variants().map(([name, bytes]) =>
      c(`invalid UTF-8: ${name}`, () => {
        const [head, tail] = v().split('Pelüş') as [string, string];
        return new Uint8Array(Buffer.concat([utf8(head), bytes, utf8(tail)]));
      }, m),
    ),
  ];
}
