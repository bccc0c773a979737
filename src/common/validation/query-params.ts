import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';

/**
 * A whole number typed in a query string (`?fiscalYear=2026`, `?first=50`) becomes a number; anything
 * else (「R8」, 「2026年」, `-1`) stays text, so the field's `IsInt` refuses it naming the field.
 */
export function QueryInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value,
  );
}

/**
 * Yes or no typed in a query string (`?emailSuppressed=true`): `true` and `false` become booleans,
 * absent or empty means no filter, and anything else stays text, for the field's `IsBoolean` to
 * refuse naming the field.
 */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => {
    if (value === '' || value === undefined) return undefined;
    if (value === 'true') return true;
    if (value === 'false') return false;
    return value;
  });
}

/**
 * A query-string filter that must be one of an enum's values (`?status=FAILED`): absent or empty
 * means no filter; anything else unknown is refused naming the field and listing the choices, never
 * ignored (which would export everything) nor looked up on the object's prototype (`?status=toString`).
 */
export function QueryEnum<T extends string>(
  values: Record<string, T>,
  labels?: Record<T, string>,
): PropertyDecorator {
  const known = Object.values(values);
  const choices = known.map((value) => (labels ? `${value}（${labels[value]}）` : value)).join('、');
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value)),
    IsOptional(),
    IsIn(known, {
      message: ({ value }) => `「${String(value)}」は指定できません。${choices} のいずれかで指定してください`,
    }),
  );
}
