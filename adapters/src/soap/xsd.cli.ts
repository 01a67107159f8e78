import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wsdlDir } from '@tareks/schemas';
import { XSD_FILE } from './soap.constants.js';
import { generateXsd } from './xsd.generator.js';

// Regenerates schemas/wsdl/declarations.xsd after a contract change: `npx tsc -b adapters && node adapters/dist/soap/xsd.cli.js`.
const target = join(wsdlDir, XSD_FILE);
writeFileSync(target, generateXsd());
console.log(`wrote ${target}`);
