import { fileURLToPath } from 'node:url';

/** Folder holding the WSDL and XSD files (shipped beside `src/` and `dist/`). */
export const wsdlDir: string = fileURLToPath(new URL('../wsdl/', import.meta.url));
