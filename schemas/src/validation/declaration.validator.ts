import { Declaration } from '../contracts/declaration.schema.js';
import type { ErrorDetail } from '../contracts/error.schema.js';
import { INPUT_ERROR_CODES } from '../errors.js';
import { compile, type Validation } from './ajv.js';

const validateShape = compile<Declaration>(Declaration);

/** Rules a JSON schema cannot say: item numbers unique within a declaration. */
export function semanticErrors(d: Declaration): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const seen = new Set<number>();
  d.items.forEach((item, i) => {
    if (seen.has(item.itemNo)) {
      errors.push({ code: INPUT_ERROR_CODES.duplicateItemNo, pointer: `/items/${i}/itemNo`, message: `item number ${item.itemNo} appears twice` });
    }
    seen.add(item.itemNo);
  });
  return errors;
}

/** Full edge validation of a declaration: shape, formats with check digits, then semantic rules. */
export function validateDeclaration(value: unknown): Validation<Declaration> {
  const shape = validateShape(value);
  if (!shape.ok) return shape;
  const semantic = semanticErrors(shape.value);
  return semantic.length ? { ok: false, errors: semantic } : shape;
}
