import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wsdlDir } from '@tareks/schemas';
import { parseXml } from '../../src/soap/safe-xml.parser.js';
import { OPERATIONS } from '../../src/soap/soap-operations.js';
import { generateXsd } from '../../src/soap/xsd.generator.js';

const read = (file: string): string => readFileSync(join(wsdlDir, file), 'utf8');

describe('SOAP contract files', () => {
  it('declarations.xsd is what the generator makes from the TypeBox contracts (regenerate with xsd.cli.js)', () => {
    expect(read('declarations.xsd')).toBe(generateXsd());
  });

  it('the WSDL imports the XSD and names a SOAPAction for every operation', () => {
    const wsdl = read('declarations.wsdl');
    parseXml(wsdl);
    expect(wsdl).toContain('schemaLocation="declarations.xsd"');
    for (const op of Object.values(OPERATIONS)) expect(wsdl).toContain(`soapAction="${op.soapAction}"`);
  });
});
