import { ValidationError } from 'class-validator';

/** class-validator's nested errors as [field path, first message] pairs: `company.corporateNumber`. */
export function validationFailures(errors: ValidationError[], prefix = ''): [string, string][] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own: [string, string][] = error.constraints ? [[path, Object.values(error.constraints)[0]]] : [];
    return own.concat(validationFailures(error.children ?? [], path));
  });
}
