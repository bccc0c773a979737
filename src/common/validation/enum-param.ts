import { InputError } from '../errors/app-error';

/**
 * A query-string filter that must be one of an enum's values (`?status=FAILED`): absent or empty
 * means no filter; anything else unknown is refused naming the field, never ignored (which would
 * export everything) nor looked up on the object's prototype (`?status=toString`).
 */
export function enumParam<T extends string>(
  field: string,
  value: unknown,
  values: Record<string, T>,
  labels?: Record<T, string>,
): T | undefined {
  if (value === undefined || value === '') return undefined;
  const known = Object.values(values);
  const found = known.find((candidate) => candidate === value);
  if (found) return found;
  const choices = known.map((candidate) => (labels ? `${candidate}（${labels[candidate]}）` : candidate));
  throw new InputError(
    field,
    `「${String(value)}」は指定できません。${choices.join('、')} のいずれかで指定してください`,
  );
}
