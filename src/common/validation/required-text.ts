import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString } from 'class-validator';

/**
 * Text that must say something: a title, a name, a theme. Surrounding spaces (half- and full-width)
 * are trimmed before the rules run, so 「   」 is refused as empty instead of being stored and later
 * shown as a blank event title or a name that disappeared. `label` names the field in Japanese.
 * Combine with `@IsOptional()` for an update, where leaving the field out keeps the old value.
 */
export function RequiredText(label: string): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString({ message: `${label}は文字列で入力してください` }),
    IsNotEmpty({ message: `${label}を入力してください` }),
  );
}
