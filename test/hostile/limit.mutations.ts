import { INPUT_ERROR_CODES as C } from '@tareks/schemas';
import { getAt, hostileBase, setAt, setValue, type JsonObject, type Mutation } from './mutation.js';

/** Largest document a reference may announce (bytes); documents travel as references, never inside the declaration. */
const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/** Numbers outside their range, strings outside their length, arrays outside their size, patterns and formats broken. */
export function limitMutations(): Mutation[] {
  const item = hostileBase().items[0]!;
  const doc = hostileBase().documents[0]!;
  return [
    setValue('version 0', '/version', 0, C.range),
    setValue('version 1000', '/version', 1000, C.range),
    setValue('birth year 1899', '/representative/birthYear', 1899, C.range),
    setValue('item number 0', '/items/0/itemNo', 0, C.range),
    setValue('item number 1000', '/items/0/itemNo', 1000, C.range),
    setValue('quantity 0', '/items/0/quantity', 0, C.range),
    setValue('quantity negative', '/items/1/quantity', -3, C.range),
    setValue('net mass negative', '/items/0/netMassKg', -0.5, C.range),
    setValue('amount over 1e12', '/items/0/value/amount', 1e13, C.range),
    setValue('empty trader name', '/trader/name', '', C.length),
    setValue('trader name of 121 characters', '/trader/name', 'Ş'.repeat(121), C.length),
    setValue('description of 501 characters', '/items/0/description', 'x'.repeat(501), C.length),
    setValue('brand of 121 characters', '/items/0/brand', 'b'.repeat(121), C.length),
    setValue('file name of 256 characters', '/documents/0/fileName', `${'f'.repeat(252)}.pdf`, C.length),
    setValue('no items', '/items', [], C.length),
    setValue('1000 items', '/items', Array.from({ length: 1000 }, (_, i) => ({ ...item, conformity: undefined, itemNo: (i % 999) + 1 })) as never, C.length),
    setValue('21 standards', '/items/0/conformity/standards', Array.from({ length: 21 }, (_, i) => `EN ${i}`), C.length),
    setValue('51 document references', '/documents', Array.from({ length: 51 }, () => ({ ...doc })) as never, C.length),
    setValue('customs office of 5 digits', '/customsOffice', '34130', C.pattern),
    setValue('lower-case declaration id', '/id', 'xx341300im000123', C.pattern),
    setValue('MERSİS number of 15 digits', '/trader/mersisNo', '045405369200001', C.pattern),
    setValue('ESBİS number lower-case', '/trader/esbisNo', 'esb12345', C.pattern),
    setValue('submittedAt not a date-time', '/submittedAt', 'dün öğleden sonra', C.format),
    setValue('submittedAt without zone', '/submittedAt', '2026-11-24 10:15:30', C.format),
    {
      name: 'duplicate item number',
      apply: (d: JsonObject) => setAt(d, '/items/1/itemNo', getAt(d, '/items/0/itemNo')),
      pointer: '/items/1/itemNo',
      code: C.duplicateItemNo,
      xml: true,
    },
  ];
}

/** Document references that announce a document over the size limit, or with a bad checksum or media type. */
export function documentMutations(): Mutation[] {
  return [
    setValue('document of 50 MiB + 1 byte', '/documents/0/size', MAX_DOCUMENT_BYTES + 1, C.range),
    setValue('document of 4 GiB', '/documents/0/size', 4 * 1024 ** 3, C.range),
    setValue('document of 0 bytes', '/documents/0/size', 0, C.range),
    setValue('sha256 of 63 hex digits', '/documents/0/sha256', 'ab'.repeat(32).slice(1), C.pattern),
    setValue('sha256 upper-case', '/documents/0/sha256', 'AB'.repeat(32), C.pattern),
    setValue('sha256 not hex', '/documents/0/sha256', 'zz'.repeat(32), C.pattern),
    setValue('sha256 as base64', '/documents/0/sha256', Buffer.from('ab'.repeat(32), 'hex').toString('base64'), C.pattern),
    setValue('media type text/html', '/documents/0/mediaType', 'text/html', C.pattern),
    setValue('media type with parameters', '/documents/0/mediaType', 'application/pdf; name=x.exe', C.pattern),
    setValue('media type application/zip', '/documents/0/mediaType', 'application/zip', C.pattern),
    setValue('media type upper-case', '/documents/0/mediaType', 'APPLICATION/PDF', C.pattern),
  ];
}
