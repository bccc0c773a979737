import { ValidationError } from 'class-validator';

/**
 * Rules that say the value is missing. When a field is left blank, 「事業者名を入力してください」 is
 * the message that helps, not the length rule that also fails on it.
 */
const PRESENCE = ['isDefined', 'isNotEmpty', 'isString'];

/** class-validator's nested errors as [field path, first message] pairs: `company.corporateNumber`. */
export function validationFailures(errors: ValidationError[], prefix = ''): [string, string][] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    const rule = PRESENCE.find((name) => name in constraints) ?? Object.keys(constraints)[0];
    const own: [string, string][] = rule ? [[path, constraints[rule]]] : [];
    return own.concat(validationFailures(error.children ?? [], path));
  });
}
